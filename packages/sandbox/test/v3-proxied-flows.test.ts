import { createPrivateKey } from 'node:crypto';
import { createRequestSigner, VerifierStore } from '@qqwxpay/codec-v3';
import { verifyV3Notification } from '@qqwxpay/notify-verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type MerchantConfig, type Sandbox, startSandbox } from '../src/index.ts';
import { call, merchantOf, orderNumber } from './helpers/client.ts';
import { type MerchantEndpoint, startMerchantEndpoint } from './helpers/merchant-endpoint.ts';
import { sharedConfig } from './helpers/shared-config.ts';

let sandbox: Sandbox;
let endpoint: MerchantEndpoint;
let verifiers: VerifierStore;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ config: await sharedConfig(), timeScale: 0.001 });
  endpoint = await startMerchantEndpoint();
  verifiers = new VerifierStore();
  verifiers.addCertificate(sandbox.config.merchants[0]!.platformCertificate);
  token = sandbox.issueToken(DEFAULT_IDS.qqAppId);
});
afterAll(async () => {
  await sandbox?.close();
  await endpoint?.close();
});

async function proxied(
  merchant: MerchantConfig,
  qqPath: string,
  body: Record<string, unknown>,
  realNotifyUrl = `${endpoint.url}/cb/${merchant.mchid}`,
) {
  const signer = createRequestSigner({
    mchid: merchant.mchid,
    serial: merchant.merchantSerial,
    privateKey: createPrivateKey(merchant.merchantPrivateKey),
  });
  const text = JSON.stringify(body);
  const wechatPath = qqPath.replace('/wxpay', '');
  const query = new URLSearchParams({
    appid: DEFAULT_IDS.qqAppId,
    access_token: token,
    real_notify_url: realNotifyUrl,
  });
  return call(`${sandbox.qqBaseUrl}${qqPath}?${query}`, {
    method: 'POST',
    body: text,
    headers: {
      'Content-Type': 'application/json',
      Authorization: signer.authorization({ method: 'POST', url: wechatPath, body: text }),
    },
  });
}

async function signedCall(merchant: MerchantConfig, method: string, path: string, value: unknown) {
  const signer = createRequestSigner({
    mchid: merchant.mchid,
    serial: merchant.merchantSerial,
    privateKey: createPrivateKey(merchant.merchantPrivateKey),
  });
  const body = JSON.stringify(value);
  return call(`${sandbox.wechatBaseUrl}${path}`, {
    method,
    body,
    headers: {
      'Content-Type': 'application/json',
      Authorization: signer.authorization({ method, url: path, body }),
    },
  });
}

async function payAndOpen(merchant: MerchantConfig, h5Url: string) {
  const prepayId = new URL(h5Url).searchParams.get('prepay_id')!;
  const before = endpoint.received.length;
  const delivery = await sandbox.pay({ prepayId }).settled;
  expect(delivery.acknowledged).toBe(true);
  const callback = endpoint.received[before]!;
  expect(callback.path).toBe(`/cb/${merchant.mchid}`);
  return verifyV3Notification(
    { body: callback.body, headers: callback.headers as Record<string, string> },
    { apiV3Key: merchant.apiV3Key, verifiers },
  );
}

describe('V3 partner and combine orders through QQ', () => {
  it('a partner order: callback through QQ, signed, decrypted with the service provider key', async () => {
    const sp = merchantOf(sandbox, DEFAULT_IDS.serviceProviderMchid);
    const number = orderNumber('P');
    const answer = await proxied(sp, '/wxpay/v3/pay/partner/transactions/h5', {
      sp_appid: DEFAULT_IDS.wechatAppId,
      sp_mchid: sp.mchid,
      sub_mchid: DEFAULT_IDS.subMchid,
      description: 'partner',
      out_trade_no: number,
      notify_url: `https://api.q.qq.com/wxpay/v3/notify/${sp.mchid}/${number}`,
      amount: { total: 321, currency: 'CNY' },
      scene_info: { payer_client_ip: '127.0.0.1', h5_info: { type: 'Wap' } },
    });
    expect(answer.status).toBe(200);
    const event = await payAndOpen(sp, JSON.parse(answer.body).h5_url);
    expect(event.kind).toBe('transaction');
    expect(event.resource).toMatchObject({
      sp_mchid: sp.mchid,
      sub_mchid: DEFAULT_IDS.subMchid,
      out_trade_no: number,
      trade_state: 'SUCCESS',
    });
  });

  it('retries a V3 callback answered 500 and 400 until it is answered 200', async () => {
    const retrying = await startMerchantEndpoint((_, i) => ({ status: [500, 400][i] ?? 200 }));
    try {
      const direct = merchantOf(sandbox, DEFAULT_IDS.directMchid);
      const number = orderNumber('Y');
      const answer = await proxied(
        direct,
        '/wxpay/v3/pay/transactions/h5',
        {
          appid: DEFAULT_IDS.wechatAppId,
          mchid: direct.mchid,
          description: 'retried',
          out_trade_no: number,
          notify_url: `https://api.q.qq.com/wxpay/v3/notify/${direct.mchid}/${number}`,
          amount: { total: 5, currency: 'CNY' },
          scene_info: { payer_client_ip: '127.0.0.1', h5_info: { type: 'Wap' } },
        },
        `${retrying.url}/retry`,
      );
      expect(answer.status).toBe(200);
      const delivery = await sandbox.pay({ mchid: direct.mchid, outTradeNo: number }).settled;
      expect(delivery.attempts.map((a) => a.status)).toEqual([500, 400, 200]);
      expect(delivery.acknowledged).toBe(true);
      const ids = retrying.received.map((r) => JSON.parse(r.body).id);
      expect(new Set(ids).size).toBe(1);
      const signatures = retrying.received.map((r) => r.headers['wechatpay-signature']);
      expect(signatures.every((sig) => typeof sig === 'string' && sig.length > 300)).toBe(true);
    } finally {
      await retrying.close();
    }
  });

  it('refuses a partner order for a sub-merchant the service provider does not have', async () => {
    const sp = merchantOf(sandbox, DEFAULT_IDS.serviceProviderMchid);
    const number = orderNumber('P');
    const answer = await proxied(sp, '/wxpay/v3/pay/partner/transactions/h5', {
      sp_appid: DEFAULT_IDS.wechatAppId,
      sp_mchid: sp.mchid,
      sub_mchid: '1999999999',
      description: 'partner',
      out_trade_no: number,
      notify_url: `https://api.q.qq.com/wxpay/v3/notify/${sp.mchid}/${number}`,
      amount: { total: 1, currency: 'CNY' },
      scene_info: { payer_client_ip: '127.0.0.1', h5_info: { type: 'Wap' } },
    });
    expect(answer.status).toBe(400);
  });

  it('a combine order: one callback with every sub-order paid; a sub-order refunded on its own', async () => {
    const combine = merchantOf(sandbox, DEFAULT_IDS.combineMchid);
    const number = orderNumber('C');
    const sub = (n: number, total: number) => ({
      mchid: combine.mchid,
      attach: `sub ${n}`,
      amount: { total_amount: total, currency: 'CNY' },
      out_trade_no: `${number}S${n}`,
      description: `item ${n}`,
    });
    const answer = await proxied(combine, '/wxpay/v3/combine-transactions/h5', {
      combine_appid: DEFAULT_IDS.wechatAppId,
      combine_mchid: combine.mchid,
      combine_out_trade_no: number,
      notify_url: `https://api.q.qq.com/wxpay/v3/notify/${combine.mchid}/${number}`,
      scene_info: { payer_client_ip: '127.0.0.1', h5_info: { type: 'Wap' } },
      sub_orders: [sub(1, 100), sub(2, 250)],
    });
    expect(answer.status).toBe(200);
    const event = await payAndOpen(combine, JSON.parse(answer.body).h5_url);
    expect(event.kind).toBe('combine-transaction');
    const resource = event.resource as {
      combine_out_trade_no: string;
      sub_orders: { out_trade_no: string; trade_state: string }[];
    };
    expect(resource.combine_out_trade_no).toBe(number);
    expect(resource.sub_orders.map((s) => [s.out_trade_no, s.trade_state])).toEqual([
      [`${number}S1`, 'SUCCESS'],
      [`${number}S2`, 'SUCCESS'],
    ]);

    combine.refundNotifyUrl = `${endpoint.url}/refund`;
    const before = endpoint.received.length;
    const refund = await signedCall(combine, 'POST', '/v3/refund/domestic/refunds', {
      out_trade_no: `${number}S1`,
      out_refund_no: `${number}R1`,
      amount: { refund: 60, total: 100, currency: 'CNY' },
    });
    expect(refund.status).toBe(200);
    expect(JSON.parse(refund.body)).toMatchObject({
      out_trade_no: `${number}S1`,
      amount: { total: 100 },
    });
    const [callback] = (await endpoint.waitFor(before + 1)).slice(before);
    const refunded = verifyV3Notification(
      { body: callback!.body, headers: callback!.headers as Record<string, string> },
      { apiV3Key: combine.apiV3Key, verifiers },
    );
    expect(refunded.kind).toBe('refund');
    expect(refunded.resource).toMatchObject({
      out_trade_no: `${number}S1`,
      out_refund_no: `${number}R1`,
    });

    const more = await signedCall(combine, 'POST', '/v3/refund/domestic/refunds', {
      out_trade_no: `${number}S1`,
      out_refund_no: `${number}R2`,
      amount: { refund: 41, total: 100, currency: 'CNY' },
    });
    expect(JSON.parse(more.body).code).toBe('NOT_ENOUGH');
    const wrongTotal = await signedCall(combine, 'POST', '/v3/refund/domestic/refunds', {
      out_trade_no: `${number}S2`,
      out_refund_no: `${number}R3`,
      amount: { refund: 1, total: 350, currency: 'CNY' },
    });
    expect(JSON.parse(wrongTotal.body).code).toBe('PARAM_ERROR');
  });
});
