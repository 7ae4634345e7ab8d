import { encryptRefundInfo, signXml, verify, verifyXml } from '@qqwxpay/codec-v2';
import { decryptResource, encryptResource, signResponse, verifySignature } from '@qqwxpay/codec-v3';
import { verifyV2Notification } from '@qqwxpay/notify-verify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_KEY, API_V3_KEY, NOW, platform } from '../support/keys.ts';

const calls = vi.hoisted(() => ({
  timingSafeEqual: [] as [Uint8Array, Uint8Array][],
  verify: 0,
  gcmTags: 0,
  forceUnequal: false,
}));

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return {
    ...real,
    timingSafeEqual(a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView): boolean {
      calls.timingSafeEqual.push([a as Uint8Array, b as Uint8Array]);
      const equal = real.timingSafeEqual(a, b);
      return calls.forceUnequal ? false : equal;
    },
    verify(...args: Parameters<typeof real.verify>) {
      calls.verify += 1;
      return (real.verify as (...a: unknown[]) => unknown)(...args);
    },
    createDecipheriv(...args: Parameters<typeof real.createDecipheriv>) {
      const decipher = (
        real.createDecipheriv as (...a: unknown[]) => ReturnType<typeof real.createDecipheriv>
      )(...args);
      if (String(args[0]).toLowerCase().endsWith('-gcm')) {
        const setAuthTag = (decipher as unknown as { setAuthTag: (tag: Buffer) => unknown })
          .setAuthTag;
        (decipher as unknown as { setAuthTag: (tag: Buffer) => unknown }).setAuthTag = (tag) => {
          calls.gcmTags += 1;
          return setAuthTag.call(decipher, tag);
        };
      }
      return decipher;
    },
  };
});

afterEach(() => {
  calls.timingSafeEqual = [];
  calls.verify = 0;
  calls.gcmTags = 0;
  calls.forceUnequal = false;
});

const params = {
  return_code: 'SUCCESS',
  appid: 'wx2421b1c4370ec43b',
  out_trade_no: 'T1',
  total_fee: '1',
};

describe('V2 signatures are compared with crypto.timingSafeEqual', () => {
  for (const signType of ['MD5', 'HMAC-SHA256'] as const) {
    it(`compares an authentic ${signType} sign once, through timingSafeEqual`, () => {
      const xml = signXml(params, API_KEY, signType);
      const fields = verifyXml(xml, API_KEY);
      expect(calls.timingSafeEqual).toHaveLength(1);
      const [a, b] = calls.timingSafeEqual[0] as [Uint8Array, Uint8Array];
      expect(Buffer.from(a).toString()).toBe(fields.sign);
      expect(Buffer.from(b).toString()).toBe(fields.sign);
    });
  }

  it('refuses an authentic sign when timingSafeEqual says unequal: its answer decides', () => {
    calls.forceUnequal = true;
    expect(() => verifyXml(signXml(params, API_KEY), API_KEY)).toThrow(
      expect.objectContaining({ code: 'ERR_V2_SIGNATURE_MISMATCH' }),
    );
    expect(calls.timingSafeEqual).toHaveLength(1);
  });

  it('compares a forged sign of the right length through timingSafeEqual too', () => {
    const fields = Object.assign(Object.create(null), params, { sign: 'A'.repeat(32) });
    expect(() => verify(fields, API_KEY)).toThrow(
      expect.objectContaining({ code: 'ERR_V2_SIGNATURE_MISMATCH' }),
    );
    expect(calls.timingSafeEqual).toHaveLength(1);
  });

  it('refuses a sign of another length before comparing (length is public)', () => {
    const fields = Object.assign(Object.create(null), params, { sign: 'A'.repeat(31) });
    expect(() => verify(fields, API_KEY)).toThrow(
      expect.objectContaining({ code: 'ERR_V2_SIGNATURE_MISMATCH' }),
    );
    expect(calls.timingSafeEqual).toHaveLength(0);
  });

  it('goes through the same comparison from verifyV2Notification', () => {
    const xml = signXml(
      { ...params, mch_id: '10000100', transaction_id: '4200001234', result_code: 'SUCCESS' },
      API_KEY,
      'HMAC-SHA256',
    );
    verifyV2Notification({ body: xml }, { key: API_KEY });
    expect(calls.timingSafeEqual).toHaveLength(1);
  });

  it('does not compare anything for refund callbacks, whose authenticity is req_info decrypting', () => {
    const reqInfo = encryptRefundInfo(
      {
        transaction_id: '4200',
        out_trade_no: 'T1',
        refund_id: '5000',
        out_refund_no: 'R1',
        refund_status: 'SUCCESS',
        refund_fee: 1,
      },
      API_KEY,
    );
    const body = `<xml><return_code>SUCCESS</return_code><req_info>${reqInfo}</req_info></xml>`;
    verifyV2Notification({ body }, { key: API_KEY });
    expect(calls.timingSafeEqual).toHaveLength(0);
  });
});

describe('V3 checks are left to OpenSSL', () => {
  it('verifies the RSA signature with crypto.verify, once, and compares no bytes itself', () => {
    const { pub, verifiers } = platform();
    const body = '{"a":1}';
    const headers = signResponse({
      body,
      privateKey: pub.privateKey,
      serial: pub.serial,
      timestamp: NOW,
    });
    verifySignature({ headers, body }, { verifiers, now: NOW });
    expect(calls.verify).toBe(1);
    expect(calls.timingSafeEqual).toHaveLength(0);
  });

  it('checks the AES-GCM tag inside OpenSSL (setAuthTag then final)', () => {
    const resource = encryptResource('{"a":1}', API_V3_KEY);
    expect(decryptResource(resource, API_V3_KEY)).toBe('{"a":1}');
    expect(calls.gcmTags).toBe(1);
  });
});
