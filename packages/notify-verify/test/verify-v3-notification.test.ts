import { signResponse, V3Error, type VerifierStore } from '@qqwxpay/codec-v3';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { NotifyError } from '../src/errors.ts';
import { openV3Notification } from '../src/open-v3-notification.ts';
import { verifyV3Notification } from '../src/verify-v3-notification.ts';
import {
  API_V3_KEY,
  combineTransaction,
  NOW,
  refundResource,
  transaction,
  v3Callback,
} from './support/callbacks.ts';
import {
  certificateKey,
  type PlatformKey,
  publicKeyModeKey,
  verifiersFor,
} from './support/keys.ts';

let cert: PlatformKey;
let pub: PlatformKey;
let verifiers: VerifierStore;
const options = () => ({ apiV3Key: API_V3_KEY, verifiers, now: NOW });

function failure(run: () => unknown): { code?: string; field?: string; name?: string } {
  try {
    run();
  } catch (error) {
    return error as { code?: string; field?: string };
  }
  throw new Error('expected a failure');
}

beforeAll(() => {
  cert = certificateKey();
  pub = publicKeyModeKey();
  verifiers = verifiersFor(cert, pub);
});

describe('verifyV3Notification', () => {
  it('returns a transaction event with the envelope id, verified under a certificate serial', () => {
    const callback = v3Callback(cert, { id: 'EV-1' });
    const event = verifyV3Notification(callback, options());
    expect(event).toMatchObject({
      version: 'v3',
      kind: 'transaction',
      id: 'EV-1',
      eventType: 'TRANSACTION.SUCCESS',
    });
    expect(event.signature.serial).toBe(cert.serial);
    expect(event.kind === 'transaction' && event.resource.amount.total).toBe(9900);
  });

  it('verifies under a public-key id, with bytes as the body and any header case', () => {
    const callback = v3Callback(pub);
    const headers = Object.fromEntries(
      Object.entries(callback.headers).map(([k, v]) => [k.toUpperCase(), v]),
    );
    const event = verifyV3Notification(
      { body: Buffer.from(callback.body), headers: new Headers(headers) },
      options(),
    );
    expect(event.signature.serial).toBe(pub.serial);
  });

  it('reads a combine payment and every refund event type', () => {
    const combine = verifyV3Notification(
      v3Callback(cert, { resource: combineTransaction() }),
      options(),
    );
    expect(combine.kind).toBe('combine-transaction');
    for (const eventType of ['REFUND.SUCCESS', 'REFUND.ABNORMAL', 'REFUND.CLOSED']) {
      const status = eventType.slice('REFUND.'.length);
      const event = verifyV3Notification(
        v3Callback(cert, { eventType, resource: refundResource({ refund_status: status }) }),
        options(),
      );
      expect(event).toMatchObject({
        kind: 'refund',
        eventType,
        resource: { refund_status: status },
      });
    }
  });

  it('refuses an event type it does not know, after verifying it', () => {
    const error = failure(() =>
      verifyV3Notification(v3Callback(cert, { eventType: 'TRANSACTION.CLOSED' }), options()),
    );
    expect(error).toBeInstanceOf(NotifyError);
    expect(error.code).toBe('ERR_NOTIFY_EVENT_UNSUPPORTED');
  });

  it('refuses a resource that breaks the schema of its event type, naming the field', () => {
    const resource = transaction({ amount: { total: '9900' } });
    const error = failure(() => verifyV3Notification(v3Callback(cert, { resource }), options()));
    expect(error.code).toBe('ERR_NOTIFY_RESOURCE_INVALID');
    expect(error.field).toBe('resource.amount.total');
  });

  it('asks of a payment callback the transaction id and total that order queries may lack', () => {
    const { transaction_id: _, ...noId } = transaction();
    const missingId = failure(() =>
      verifyV3Notification(v3Callback(cert, { resource: noId }), options()),
    );
    expect(missingId.field).toBe('resource.transaction_id');
    const noTotal = transaction({ amount: { currency: 'CNY' } });
    const missingTotal = failure(() =>
      verifyV3Notification(v3Callback(cert, { resource: noTotal }), options()),
    );
    expect(missingTotal.field).toBe('resource.amount.total');
    const { refund_status: __, ...noStatus } = refundResource();
    const refund = v3Callback(cert, { eventType: 'REFUND.SUCCESS', resource: noStatus });
    expect(failure(() => verifyV3Notification(refund, options())).field).toBe(
      'resource.refund_status',
    );
  });

  it('refuses a resource encrypted under another APIv3 key', () => {
    const callback = v3Callback(cert, { apiV3Key: 'Z'.repeat(32) });
    expect(failure(() => verifyV3Notification(callback, options())).code).toBe(
      'ERR_V3_DECRYPT_FAILED',
    );
  });

  it('checks expectations: order number, amount, merchant and app', () => {
    const callback = v3Callback(cert);
    expect(
      verifyV3Notification(callback, {
        ...options(),
        expect: {
          outTradeNo: 'T20251204000001',
          amount: 9900,
          mchid: '1230000109',
          appid: 'wxd678efh567hg6787',
        },
      }).kind,
    ).toBe('transaction');
    for (const [expect_, field] of [
      [{ amount: 1 }, 'amount'],
      [{ outTradeNo: 'T0' }, 'out_trade_no'],
      [{ mchid: '1' }, 'mchid'],
      [{ appid: 'wx1' }, 'appid'],
    ] as const) {
      const error = failure(() =>
        verifyV3Notification(callback, { ...options(), expect: expect_ }),
      );
      expect(error.code).toBe('ERR_NOTIFY_EXPECTATION_MISMATCH');
      expect(error.field).toBe(field);
    }
  });

  it('regression: a correctly signed 1-fen callback does not pay a 9,900-fen order', () => {
    const callback = v3Callback(cert, {
      resource: transaction({ amount: { total: 1, payer_total: 1 } }),
    });
    const error = failure(() =>
      verifyV3Notification(callback, { ...options(), expect: { amount: 9900 } }),
    );
    expect(error.code).toBe('ERR_NOTIFY_EXPECTATION_MISMATCH');
  });

  it('checks a combine payment against the sum of its sub-orders and a refund against its refund amount', () => {
    const combine = v3Callback(cert, { resource: combineTransaction() });
    expect(
      verifyV3Notification(combine, {
        ...options(),
        expect: { amount: 9900, outTradeNo: 'C20251204000001' },
      }).kind,
    ).toBe('combine-transaction');
    const refund = v3Callback(cert, { eventType: 'REFUND.SUCCESS', resource: refundResource() });
    expect(verifyV3Notification(refund, { ...options(), expect: { amount: 900 } }).kind).toBe(
      'refund',
    );
    expect(
      failure(() => verifyV3Notification(refund, { ...options(), expect: { amount: 9900 } })).code,
    ).toBe('ERR_NOTIFY_EXPECTATION_MISMATCH');
  });
});

describe('openV3Notification: nothing parsed or decrypted before the signature holds', () => {
  it('an unsigned body that is not even JSON fails on the signature, not on parsing', () => {
    const callback = v3Callback(cert);
    const error = failure(() => openV3Notification({ ...callback, body: '<not json' }, options()));
    expect(error).toBeInstanceOf(V3Error);
    expect(error.code).toBe('ERR_V3_SIGNATURE_MISMATCH');
  });

  it('a signed body that is not an envelope is refused as ERR_NOTIFY_ENVELOPE_INVALID', () => {
    const body = '{"id":"EV-1"}';
    const headers = signResponse({
      body,
      privateKey: cert.privateKey,
      serial: cert.serial,
      timestamp: NOW,
    });
    const error = failure(() => openV3Notification({ body, headers }, options()));
    expect(error.code).toBe('ERR_NOTIFY_ENVELOPE_INVALID');
  });

  it('refuses probes, stale and future timestamps, unknown serials and missing headers', () => {
    const callback = v3Callback(cert);
    const probe = { ...callback.headers, 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/abc' };
    expect(failure(() => openV3Notification({ ...callback, headers: probe }, options())).code).toBe(
      'ERR_V3_SIGNATURE_PROBE',
    );
    for (const timestamp of [NOW - 301, NOW + 301]) {
      const stale = v3Callback(cert, { timestamp });
      expect(failure(() => openV3Notification(stale, options())).code).toBe(
        'ERR_V3_TIMESTAMP_OUT_OF_WINDOW',
      );
    }
    expect(
      openV3Notification(v3Callback(cert, { timestamp: NOW - 300 }), options()).id,
    ).toBeTruthy();
    expect(
      openV3Notification(v3Callback(cert, { timestamp: NOW - 600 }), {
        ...options(),
        windowSeconds: 600,
      }).id,
    ).toBeTruthy();
    for (const name of [
      'Wechatpay-Timestamp',
      'Wechatpay-Nonce',
      'Wechatpay-Signature',
      'Wechatpay-Serial',
    ]) {
      const { [name]: _, ...headers } = callback.headers;
      expect(failure(() => openV3Notification({ ...callback, headers }, options())).code).toBe(
        'ERR_V3_SIGNATURE_MISSING',
      );
    }
  });

  it('refuses two different values under one header name in different cases', () => {
    const callback = v3Callback(cert);
    const headers = { ...callback.headers, 'wechatpay-serial': pub.serial };
    expect(failure(() => openV3Notification({ ...callback, headers }, options())).code).toBe(
      'ERR_NOTIFY_HEADERS_INVALID',
    );
  });

  it('refuses a parsed body and a key of the wrong length as caller mistakes', () => {
    const callback = v3Callback(cert);
    expect(() =>
      openV3Notification({ ...callback, body: JSON.parse(callback.body) }, options()),
    ).toThrow(TypeError);
    expect(() =>
      openV3Notification(callback, { ...options(), apiV3Key: `${API_V3_KEY}\n` }),
    ).toThrow(/apiV3Key/);
  });

  it('refuses an oversized body before verifying it', () => {
    const callback = v3Callback(cert);
    expect(failure(() => openV3Notification(callback, { ...options(), maxBytes: 64 })).code).toBe(
      'ERR_NOTIFY_BODY_TOO_LARGE',
    );
  });

  it('property: changing any one byte of the body makes it refused', () => {
    const callback = v3Callback(cert);
    const bytes = Buffer.from(callback.body);
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (index, delta) => {
        const tampered = Buffer.from(bytes);
        tampered[index] = ((tampered[index] as number) + delta) % 256;
        try {
          openV3Notification({ body: tampered, headers: callback.headers }, options());
          return false;
        } catch (error) {
          return (error as V3Error).code === 'ERR_V3_SIGNATURE_MISMATCH';
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('openV3Notification: a string body is read as the bytes that were verified', () => {
  it('a lone surrogate in a string body is read as U+FFFD, as its UTF-8 bytes were signed', () => {
    const authentic = v3Callback(cert);
    const body = authentic.body.replace('支付成功', '支付\ud800成功');
    const headers = signResponse({
      body,
      privateKey: cert.privateKey,
      serial: cert.serial,
      timestamp: NOW,
    });
    const opened = openV3Notification({ body, headers }, options());
    expect(opened.summary).toBe('支付\ufffd成功');
  });

  it('the body limit counts the UTF-8 bytes of a string body, not its characters', () => {
    const callback = v3Callback(cert);
    const bytes = Buffer.byteLength(callback.body, 'utf8');
    expect(bytes).toBeGreaterThan(callback.body.length);
    const limit = { ...options(), maxBytes: callback.body.length };
    expect(failure(() => openV3Notification(callback, limit)).code).toBe(
      'ERR_NOTIFY_BODY_TOO_LARGE',
    );
    expect(openV3Notification(callback, { ...options(), maxBytes: bytes }).id).toBeTruthy();
  });

  it('a TRANSACTION.SUCCESS callback whose trade_state is NOTPAY is refused, not a paid order', () => {
    const unpaid = v3Callback(cert, { resource: transaction({ trade_state: 'NOTPAY' }) });
    const error = failure(() => verifyV3Notification(unpaid, options()));
    expect(error).toBeInstanceOf(NotifyError);
    expect(error.code).toBe('ERR_NOTIFY_TRADE_STATE');
    expect(error.field).toBe('resource.trade_state');
  });

  it('a combine TRANSACTION.SUCCESS callback with any sub-order not SUCCESS is refused', () => {
    const resource = combineTransaction();
    const subs = resource.sub_orders as Record<string, unknown>[];
    subs[1] = { ...subs[1], trade_state: 'PAYERROR' };
    const error = failure(() => verifyV3Notification(v3Callback(cert, { resource }), options()));
    expect(error.code).toBe('ERR_NOTIFY_TRADE_STATE');
    expect(error.field).toBe('resource.sub_orders.1.trade_state');
  });
});
