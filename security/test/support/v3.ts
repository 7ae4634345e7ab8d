import { randomUUID } from 'node:crypto';
import { encryptResource, signResponse } from '@qqwxpay/codec-v3';
import fc from 'fast-check';
import { API_V3_KEY, NOW, type PlatformKey, platform } from './keys.ts';

/** A signed V3 message as WeChat Pay sends it: raw body and the Wechatpay-* headers. */
export interface AuthenticV3 {
  body: string;
  headers: Record<string, string>;
  /** The key that signed it. */
  key: PlatformKey;
  /** The timestamp, nonce and serial that were signed or named. */
  timestamp: string;
  nonce: string;
  serial: string;
}

/** An authentic V3 callback and what it carries. */
export interface AuthenticCallback extends AuthenticV3 {
  id: string;
  eventType: string;
  resource: Record<string, unknown>;
}

const token = (min: number, max: number) =>
  fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
    minLength: min,
    maxLength: max,
  });

/** Signs `body` with one of the two platform keys, as WeChat Pay does. */
export function signed(body: string, useCertificate: boolean, nonce: string): AuthenticV3 {
  const { cert, pub } = platform();
  const key = useCertificate ? cert : pub;
  const signature = signResponse({
    body,
    privateKey: key.privateKey,
    serial: key.serial,
    timestamp: NOW,
    nonce,
  });
  const headers: Record<string, string> = {
    ...signature,
    'Request-ID': '08F78BB5AF0610D302A8A6D8D9E90F2A8B1E7C0A4D05',
  };
  return { body, headers, key, timestamp: String(NOW), nonce, serial: key.serial };
}

/** An authentic payment or refund callback: compact JSON envelope, encrypted resource. */
export const authenticCallback: fc.Arbitrary<AuthenticCallback> = fc
  .record({
    outTradeNo: token(6, 32),
    total: fc.integer({ min: 1, max: 100_000_000 }),
    refund: fc.boolean(),
    useCertificate: fc.boolean(),
    nonce: token(16, 32),
    attach: fc.string({ maxLength: 20 }),
  })
  .map((r) => {
    const resource: Record<string, unknown> = r.refund
      ? {
          mchid: '1230000109',
          transaction_id: '4200001234202612041234567890',
          out_trade_no: r.outTradeNo,
          refund_id: '50000000382019052709732678859',
          out_refund_no: `R${r.outTradeNo}`,
          refund_status: 'SUCCESS',
          amount: { total: r.total, refund: r.total, payer_total: r.total, payer_refund: r.total },
        }
      : {
          appid: 'wxd678efh567hg6787',
          mchid: '1230000109',
          out_trade_no: r.outTradeNo,
          transaction_id: '4200001234202612041234567890',
          trade_type: 'MWEB',
          trade_state: 'SUCCESS',
          attach: r.attach,
          payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
          amount: { total: r.total, payer_total: r.total, currency: 'CNY', payer_currency: 'CNY' },
        };
    const eventType = r.refund ? 'REFUND.SUCCESS' : 'TRANSACTION.SUCCESS';
    const originalType = r.refund ? 'refund' : 'transaction';
    const id = randomUUID();
    const envelope = {
      id,
      create_time: '2026-12-04T12:00:00+08:00',
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary: r.refund ? '退款成功' : '支付成功',
      resource: {
        original_type: originalType,
        ...encryptResource(JSON.stringify(resource), API_V3_KEY, { associatedData: originalType }),
      },
    };
    const base = signed(JSON.stringify(envelope), r.useCertificate, r.nonce);
    return { ...base, id, eventType, resource };
  });

/** An authentic 2xx V3 response; some bodies are pretty-printed or end with a newline. */
export const authenticResponse: fc.Arbitrary<AuthenticV3 & { status: number }> = fc
  .record({
    prepayId: token(20, 36),
    layout: fc.constantFrom('compact', 'pretty', 'trailing-newline', 'empty'),
    useCertificate: fc.boolean(),
    nonce: token(16, 32),
  })
  .map((r) => {
    const json = { prepay_id: `wx${r.prepayId}`, h5_url: 'https://wx.tenpay.com/cgi-bin/h5' };
    const body = {
      compact: JSON.stringify(json),
      pretty: JSON.stringify(json, null, 2),
      'trailing-newline': `${JSON.stringify(json)}\n`,
      empty: '',
    }[r.layout];
    return { ...signed(body, r.useCertificate, r.nonce), status: r.layout === 'empty' ? 204 : 200 };
  });
