import { createSign } from 'node:crypto';
import { decryptResource, VerifierStore, verifyResponse } from '@qqwxpay/codec-v3';
import { verifyV3Notification } from '@qqwxpay/notify-verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type MerchantConfig, type Sandbox, startSandbox } from '../../src/index.ts';
import { call, merchantOf, orderNumber, v3Authorization } from '../helpers/client.ts';
import { type MerchantEndpoint, startMerchantEndpoint } from '../helpers/merchant-endpoint.ts';
import { sharedConfig } from '../helpers/shared-config.ts';

let sandbox: Sandbox;
let merchant: MerchantConfig;
let endpoint: MerchantEndpoint;
let verifiers: VerifierStore;

beforeAll(async () => {
  sandbox = await startSandbox({ config: await sharedConfig(), timeScale: 0.0001 });
  merchant = merchantOf(sandbox, DEFAULT_IDS.directMchid);
  merchant.refundNotifyUrl = undefined;
  endpoint = await startMerchantEndpoint();
  verifiers = new VerifierStore();
  verifiers.addCertificate(merchant.platformCertificate);
});
afterAll(async () => {
  await sandbox?.close();
  await endpoint?.close();
});

async function v3(
  method: string,
  path: string,
  value?: unknown,
  authorize: (body: string) => string = (body) => v3Authorization(merchant, method, path, body),
) {
  const body = value === undefined ? '' : JSON.stringify(value);
  return call(`${sandbox.wechatBaseUrl}${path}`, {
    method,
    headers: { Authorization: authorize(body), 'Content-Type': 'application/json' },
    ...(method === 'GET' ? {} : { body }),
  });
}

function order(number: string, notifyUrl = 'https://shop.example/notify'): Record<string, unknown> {
  return {
    appid: DEFAULT_IDS.wechatAppId,
    mchid: merchant.mchid,
    description: 'V3 test',
    out_trade_no: number,
    notify_url: notifyUrl,
    amount: { total: 500, currency: 'CNY' },
    scene_info: { payer_client_ip: '127.0.0.1', h5_info: { type: 'Wap' } },
  };
}

describe('V3 Authorization is checked over the path WeChat Pay received', () => {
  const path = '/v3/pay/transactions/h5';

  async function refusal(
    authorize: (body: string) => string,
  ): Promise<{ status: number; code: string }> {
    const answer = await v3('POST', path, order(orderNumber()), authorize);
    expect(answer.headers.get('wechatpay-signature')).toBeNull();
    return { status: answer.status, code: JSON.parse(answer.body).code };
  }

  it('accepts the right signature and signs its answer with the platform key', async () => {
    const answer = await v3('POST', path, order(orderNumber()));
    expect(answer.status).toBe(200);
    const verified = verifyResponse(answer, { verifiers });
    expect((verified.json as { h5_url: string }).h5_url).toMatch(/^https:\/\/wx\.tenpay\.com\//);
  });

  it('401 SIGN_ERROR for another key, a wrong serial, a stale timestamp, a changed body, no header', async () => {
    const other = merchantOf(sandbox, DEFAULT_IDS.combineMchid);
    const cases: ((body: string) => string)[] = [
      (body) =>
        v3Authorization(
          { ...other, mchid: merchant.mchid, merchantSerial: merchant.merchantSerial },
          'POST',
          path,
          body,
        ),
      (body) =>
        v3Authorization({ ...merchant, merchantSerial: other.merchantSerial }, 'POST', path, body),
      (body) => v3Authorization(merchant, 'POST', path, body, Math.floor(Date.now() / 1000) - 301),
      (body) => v3Authorization(merchant, 'POST', path, `${body} `),
      (body) => v3Authorization(merchant, 'GET', path, body),
      (body) => v3Authorization(merchant, 'POST', `${path}?x=1`, body),
      () => '',
      (body) =>
        v3Authorization(merchant, 'POST', path, body).replace(
          'WECHATPAY2-SHA256-RSA2048',
          'Bearer',
        ),
    ];
    for (const authorize of cases)
      expect(await refusal(authorize)).toEqual({ status: 401, code: 'SIGN_ERROR' });
  });

  it("401 for a signature over QQ's URL instead of WeChat Pay's path", async () => {
    const qq = '/wxpay/v3/pay/transactions/h5?appid=1112223334&access_token=abc';
    expect(await refusal((body) => v3Authorization(merchant, 'POST', qq, body))).toEqual({
      status: 401,
      code: 'SIGN_ERROR',
    });
  });

  it("400 when the body's mchid is not the signer's, 400 for schema violations", async () => {
    const other = merchantOf(sandbox, DEFAULT_IDS.combineMchid);
    const foreign = { ...order(orderNumber()), mchid: other.mchid };
    expect((await v3('POST', path, foreign)).status).toBe(400);
    for (const broken of [
      { amount: { total: 0 } },
      { amount: { total: 1.5 } },
      { notify_url: 'http://shop.example/notify' },
      { out_trade_no: 'short' },
      { scene_info: { payer_client_ip: '127.0.0.1' } },
    ]) {
      const answer = await v3('POST', path, { ...order(orderNumber()), ...broken });
      expect(answer.status, JSON.stringify(broken)).toBe(400);
      expect(JSON.parse(answer.body).code).toBe('PARAM_ERROR');
    }
  });
});

describe('V3 orders after payment: callback, query, close, refund, certificates', () => {
  it('sends the payment callback, which notify-verify verifies and decrypts, then query says SUCCESS', async () => {
    const number = orderNumber('V');
    const created = await v3(
      'POST',
      '/v3/pay/transactions/h5',
      order(number, 'https://shop.example/n'),
    );
    expect(created.status).toBe(200);
    const accepted = sandbox.order({ mchid: merchant.mchid, outTradeNo: number })!;
    accepted.notifyUrl = `${endpoint.url}/v3`;
    const before = endpoint.received.length;
    const delivery = await sandbox.pay({ mchid: merchant.mchid, outTradeNo: number }).settled;
    expect(delivery.acknowledged).toBe(true);
    const callback = endpoint.received[before]!;
    const event = verifyV3Notification(
      { body: callback.body, headers: callback.headers as Record<string, string> },
      { apiV3Key: merchant.apiV3Key, verifiers },
    );
    expect(event.kind).toBe('transaction');
    expect(event.resource).toMatchObject({
      out_trade_no: number,
      trade_state: 'SUCCESS',
      amount: { total: 500 },
    });

    const query = await v3(
      'GET',
      `/v3/pay/transactions/out-trade-no/${number}?mchid=${merchant.mchid}`,
    );
    const verified = verifyResponse(query, { verifiers }).json as Record<string, unknown>;
    expect(verified).toMatchObject({ trade_state: 'SUCCESS', out_trade_no: number });
    const byId = await v3(
      'GET',
      `/v3/pay/transactions/id/${verified.transaction_id}?mchid=${merchant.mchid}`,
    );
    expect(byId.status).toBe(200);

    const close = await v3('POST', `/v3/pay/transactions/out-trade-no/${number}/close`, {
      mchid: merchant.mchid,
    });
    expect(JSON.parse(close.body).code).toBe('ORDERPAID');

    const refund = await v3('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: number,
      out_refund_no: `${number}R`,
      notify_url: 'https://shop.example/refund',
      amount: { refund: 200, total: 500, currency: 'CNY' },
    });
    expect(verifyResponse(refund, { verifiers }).json).toMatchObject({
      status: 'SUCCESS',
      out_refund_no: `${number}R`,
    });
    const refundQuery = await v3('GET', `/v3/refund/domestic/refunds/${number}R`);
    expect(JSON.parse(refundQuery.body).amount.refund).toBe(200);
    const tooMuch = await v3('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: number,
      out_refund_no: `${number}S`,
      amount: { refund: 301, total: 500, currency: 'CNY' },
    });
    expect(JSON.parse(tooMuch.body).code).toBe('NOT_ENOUGH');
  });

  it('closes an unpaid order with 204, signed', async () => {
    const number = orderNumber('X');
    await v3('POST', '/v3/pay/transactions/h5', order(number));
    const close = await v3('POST', `/v3/pay/transactions/out-trade-no/${number}/close`, {
      mchid: merchant.mchid,
    });
    expect(close.status).toBe(204);
    expect(() => verifyResponse(close, { verifiers })).not.toThrow();
    const query = await v3(
      'GET',
      `/v3/pay/transactions/out-trade-no/${number}?mchid=${merchant.mchid}`,
    );
    expect(JSON.parse(query.body).trade_state).toBe('CLOSED');
    const missing = await v3(
      'GET',
      `/v3/pay/transactions/out-trade-no/NOSUCHORDER?mchid=${merchant.mchid}`,
    );
    expect(missing.status).toBe(404);
  });

  it('/v3/certificates holds the platform certificate encrypted with the APIv3 key', async () => {
    const answer = await v3('GET', '/v3/certificates');
    const body = verifyResponse(answer, { verifiers }).json as {
      data: {
        serial_no: string;
        encrypt_certificate: {
          ciphertext: string;
          nonce: string;
          associated_data: string;
          algorithm: string;
        };
      }[];
    };
    const [entry] = body.data;
    expect(entry?.serial_no).toBe(merchant.platformSerial);
    expect(decryptResource(entry!.encrypt_certificate, merchant.apiV3Key)).toBe(
      merchant.platformCertificate,
    );
  });

  it('a SIGNTEST probe is refused by notify-verify and not counted as acknowledged when refused', async () => {
    const number = orderNumber('T');
    await v3('POST', '/v3/pay/transactions/h5', order(number));
    sandbox.order({
      mchid: merchant.mchid,
      outTradeNo: number,
    })!.notifyUrl = `${endpoint.url}/probe`;
    const before = endpoint.received.length;
    await sandbox.probe({ mchid: merchant.mchid, outTradeNo: number }).settled;
    const probe = endpoint.received[before]!;
    expect(String(probe.headers['wechatpay-signature'])).toMatch(/^WECHATPAY\/SIGNTEST\//);
    expect(() =>
      verifyV3Notification(
        { body: probe.body, headers: probe.headers as Record<string, string> },
        { apiV3Key: merchant.apiV3Key, verifiers },
      ),
    ).toThrow();
  });
});

describe('regression: a signature by a key the sandbox does not know is refused', () => {
  it('refuses a hand-made header with a valid shape and a stranger key', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const path = '/v3/certificates';
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = createSign('sha256')
      .update(`GET\n${path}\n${timestamp}\nabc\n\n`)
      .sign(stranger, 'base64');
    const header = `WECHATPAY2-SHA256-RSA2048 mchid="${merchant.mchid}",nonce_str="abc",timestamp="${timestamp}",serial_no="${merchant.merchantSerial}",signature="${signature}"`;
    const answer = await v3('GET', path, undefined, () => header);
    expect(answer.status).toBe(401);
  });
});
