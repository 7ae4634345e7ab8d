import { decodeXml, nonceStr, signXml, verifyXml } from '@qqwxpay/codec-v2';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type MerchantConfig, type Sandbox, startSandbox } from '../../src/index.ts';
import { call, merchantOf, orderNumber, v2OrderXml } from '../helpers/client.ts';
import {
  acknowledgeAll,
  type MerchantEndpoint,
  startMerchantEndpoint,
} from '../helpers/merchant-endpoint.ts';
import { sharedConfig } from '../helpers/shared-config.ts';

let sandbox: Sandbox;
let merchant: MerchantConfig;
let endpoint: MerchantEndpoint;

beforeAll(async () => {
  sandbox = await startSandbox({ config: await sharedConfig(), timeScale: 0.0001 });
  merchant = merchantOf(sandbox, DEFAULT_IDS.directMchid);
  endpoint = await startMerchantEndpoint(acknowledgeAll);
});
afterAll(async () => {
  await sandbox?.close();
  await endpoint?.close();
});

async function post(path: string, body: string): Promise<Record<string, string>> {
  const answer = await call(`${sandbox.wechatBaseUrl}${path}`, { method: 'POST', body });
  expect(answer.status).toBe(200);
  return decodeXml(answer.body);
}

function signed(fields: Record<string, string>, key = merchant.apiKey): string {
  return signXml(
    { appid: DEFAULT_IDS.wechatAppId, mch_id: merchant.mchid, nonce_str: nonceStr(), ...fields },
    key,
  );
}

describe('V2 /pay/unifiedorder', () => {
  it('answers a signed mweb_url for a well-signed order, MD5 or HMAC-SHA256', async () => {
    for (const signType of ['MD5', 'HMAC-SHA256'] as const) {
      const body = v2OrderXml(merchant, { sign_type: signType, out_trade_no: orderNumber('S') });
      const answer = await call(`${sandbox.wechatBaseUrl}/pay/unifiedorder`, {
        method: 'POST',
        body,
      });
      const fields = verifyXml(answer.body, merchant.apiKey, { signType });
      expect(fields.sign_type).toBeUndefined();
      expect(fields).toMatchObject({
        return_code: 'SUCCESS',
        result_code: 'SUCCESS',
        trade_type: 'MWEB',
      });
      expect(fields.prepay_id).toMatch(/^wx\d{14}[0-9a-f]{24}$/);
    }
  });

  it('regression: an HMAC-SHA256 answer does not name its algorithm, so MD5 verification fails', async () => {
    const body = v2OrderXml(merchant, { sign_type: 'HMAC-SHA256', out_trade_no: orderNumber('H') });
    const answer = await call(`${sandbox.wechatBaseUrl}/pay/unifiedorder`, {
      method: 'POST',
      body,
    });
    expect(() => verifyXml(answer.body, merchant.apiKey)).toThrow(/signature does not match/);
  });

  it('refuses a body signed with another key: return_code FAIL, unsigned', async () => {
    const fields = await post('/pay/unifiedorder', v2OrderXml(merchant, {}, 'A'.repeat(32)));
    expect(fields).toEqual({ return_code: 'FAIL', return_msg: '签名错误' });
  });

  it('refuses any field changed after signing (property)', async () => {
    const names = ['body', 'out_trade_no', 'total_fee', 'spbill_create_ip', 'attach'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.integer({ min: 1, max: 999 }),
        async (name, n) => {
          const xml = v2OrderXml(merchant, { attach: 'a', out_trade_no: orderNumber('P') });
          const changed = xml.replace(
            new RegExp(`<${name}><!\\[CDATA\\[([^\\]]*)\\]\\]>`),
            (_, value: string) => `<${name}><![CDATA[${value}${n}]]>`,
          );
          expect(changed).not.toBe(xml);
          expect((await post('/pay/unifiedorder', changed)).return_msg).toBe('签名错误');
        },
      ),
      { numRuns: 15 },
    );
  });

  it('refuses a body without sign, an unknown mch_id, and XML it cannot read', async () => {
    const unsigned = v2OrderXml(merchant).replace(/<sign>.*<\/sign>/, '');
    expect((await post('/pay/unifiedorder', unsigned)).return_code).toBe('FAIL');
    const stranger = v2OrderXml({ ...merchant, mchid: '1234567890' });
    expect((await post('/pay/unifiedorder', stranger)).return_code).toBe('FAIL');
    expect((await post('/pay/unifiedorder', '<xml><a>1</a><a>2</a></xml>')).return_msg).toBe(
      'XML格式错误',
    );
  });

  it('answers PARAM_ERROR, signed, for schema violations naming the field', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ total_fee: '0' }, 'total_fee'],
      [{ total_fee: '1.5' }, 'total_fee'],
      [{ trade_type: 'JSAPI' }, 'trade_type'],
      [{ out_trade_no: 'has space' }, 'out_trade_no'],
      [{ scene_info: 'not json' }, 'scene_info'],
      [{ appid: '1112223334' }, 'appid'],
    ];
    for (const [override, field] of cases) {
      const answer = await call(`${sandbox.wechatBaseUrl}/pay/unifiedorder`, {
        method: 'POST',
        body: v2OrderXml(merchant, override),
      });
      const fields = verifyXml(answer.body, merchant.apiKey);
      expect(fields.err_code, field).toBe('PARAM_ERROR');
      expect(fields.err_code_des).toContain(field);
    }
  });

  it('answers the same prepay_id for a repeated order, INVALID_REQUEST for a changed one', async () => {
    const number = orderNumber('R');
    const first = await post('/pay/unifiedorder', v2OrderXml(merchant, { out_trade_no: number }));
    const again = await post('/pay/unifiedorder', v2OrderXml(merchant, { out_trade_no: number }));
    expect(again.prepay_id).toBe(first.prepay_id);
    const changed = await post(
      '/pay/unifiedorder',
      v2OrderXml(merchant, { out_trade_no: number, total_fee: '2' }),
    );
    expect(changed.err_code).toBe('INVALID_REQUEST');
  });
});

describe('V2 query, close and refund, straight to WeChat Pay', () => {
  it('queries NOTPAY, closes, then refuses to close twice', async () => {
    const number = orderNumber('Q');
    await post('/pay/unifiedorder', v2OrderXml(merchant, { out_trade_no: number }));
    expect((await post('/pay/orderquery', signed({ out_trade_no: number }))).trade_state).toBe(
      'NOTPAY',
    );
    expect((await post('/pay/closeorder', signed({ out_trade_no: number }))).result_code).toBe(
      'SUCCESS',
    );
    expect((await post('/pay/orderquery', signed({ out_trade_no: number }))).trade_state).toBe(
      'CLOSED',
    );
    expect((await post('/pay/closeorder', signed({ out_trade_no: number }))).err_code).toBe(
      'ORDERCLOSED',
    );
    expect((await post('/pay/orderquery', signed({ out_trade_no: 'NOSUCH0001' }))).err_code).toBe(
      'ORDERNOTEXIST',
    );
  });

  it('refunds a paid order and sends the refund callback with req_info encrypted', async () => {
    const number = orderNumber('F');
    const order = await post('/pay/unifiedorder', v2OrderXml(merchant, { out_trade_no: number }));
    sandbox.pay({ prepayId: order.prepay_id! });
    const paid = await post('/pay/orderquery', signed({ out_trade_no: number }));
    expect(paid.trade_state).toBe('SUCCESS');
    expect(paid.transaction_id).toMatch(/^\d{28}$/);
    expect((await post('/pay/closeorder', signed({ out_trade_no: number }))).err_code).toBe(
      'ORDERPAID',
    );

    const before = endpoint.received.length;
    const refund = await post(
      '/secapi/pay/refund',
      signed({
        out_trade_no: number,
        out_refund_no: `${number}R`,
        total_fee: '101',
        refund_fee: '50',
        notify_url: `${endpoint.url}/refund`,
      }),
    );
    expect(refund).toMatchObject({ result_code: 'SUCCESS', refund_fee: '50' });
    const [callback] = (await endpoint.waitFor(before + 1)).slice(before);
    const fields = decodeXml(callback!.body);
    expect(fields.sign).toBeUndefined();
    const { decryptRefundInfo } = await import('@qqwxpay/codec-v2');
    expect(decryptRefundInfo(fields.req_info!, merchant.apiKey)).toMatchObject({
      out_trade_no: number,
      out_refund_no: `${number}R`,
      refund_fee: '50',
      refund_status: 'SUCCESS',
    });

    const query = await post('/pay/refundquery', signed({ out_refund_no: `${number}R` }));
    expect(query).toMatchObject({
      result_code: 'SUCCESS',
      refund_count: '1',
      out_refund_no_0: `${number}R`,
      refund_fee_0: '50',
      refund_status_0: 'SUCCESS',
    });
    const none = await post('/pay/refundquery', signed({ out_refund_no: 'NOSUCHREFUND' }));
    expect(none.err_code).toBe('REFUNDNOTEXIST');

    const tooMuch = await post(
      '/secapi/pay/refund',
      signed({
        out_trade_no: number,
        out_refund_no: `${number}S`,
        total_fee: '101',
        refund_fee: '52',
      }),
    );
    expect(tooMuch.err_code).toBe('NOTENOUGH');
  });
});
