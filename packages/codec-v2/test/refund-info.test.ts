import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decryptRefundInfo, encryptRefundInfo, refundInfoKey } from '../src/index.ts';
import { apiKey, paramMap } from './support/arbitraries.ts';
import { codeOf as code } from './support/codes.ts';

const KEY = '192006250b4c09247ec02edce69f6a2d';

describe('refund req_info', () => {
  test('encrypt then decrypt is the identity for any fields and key', () => {
    fc.assert(
      fc.property(paramMap, apiKey, (fields, key) => {
        expect({ ...decryptRefundInfo(encryptRefundInfo(fields, key), key) }).toEqual(fields);
      }),
      { numRuns: 200 },
    );
  });

  test('another key is ERR_V2_DECRYPT_FAILED', () => {
    fc.assert(
      fc.property(paramMap, apiKey, apiKey, (fields, key, other) => {
        fc.pre(key !== other);
        const reqInfo = encryptRefundInfo(fields, key);
        expect(code(() => decryptRefundInfo(reqInfo, other))).toBe('ERR_V2_DECRYPT_FAILED');
      }),
      { numRuns: 200 },
    );
  });

  test('the AES key is the lower-case hex MD5 of the API key, as 32 ASCII bytes', () => {
    const aesKey = refundInfoKey(KEY);
    expect(aesKey).toHaveLength(32);
    expect(aesKey.toString('ascii')).toMatch(/^[0-9a-f]{32}$/);
  });

  test.each([
    ['not base64', 'not base64!'],
    ['base64 without padding', 'QUJD'.slice(0, 3)],
    ['an empty string', ''],
    ['not whole AES blocks', Buffer.alloc(15).toString('base64')],
    ['white space inside', `${Buffer.alloc(16).toString('base64')}\n`],
  ])('%s is ERR_V2_REQ_INFO_MALFORMED', (_, reqInfo) => {
    expect(code(() => decryptRefundInfo(reqInfo, KEY))).toBe('ERR_V2_REQ_INFO_MALFORMED');
  });

  test('blocks that do not decrypt to <root> XML are ERR_V2_DECRYPT_FAILED', () => {
    expect(code(() => decryptRefundInfo(Buffer.alloc(32).toString('base64'), KEY))).toBe(
      'ERR_V2_DECRYPT_FAILED',
    );
  });

  test('the error never carries the plaintext or the key', () => {
    const reqInfo = encryptRefundInfo({ refund_fee: 'SECRET-VALUE' }, KEY);
    try {
      decryptRefundInfo(reqInfo, 'another key, 32 characters long!');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toMatch(/SECRET|another key/);
    }
  });

  test('caller mistakes are TypeError', () => {
    expect(() => decryptRefundInfo(42 as never, KEY)).toThrow(TypeError);
    expect(() => decryptRefundInfo('', '')).toThrow(/key/);
    expect(() => encryptRefundInfo({ a: 1.5 }, KEY)).toThrow(/fields\.a/);
  });

  test('req_info that decrypts cleanly to XML with a DOCTYPE or another root gets the XML code, not ERR_V2_DECRYPT_FAILED', () => {
    const KEY2 = 'x9Y8w7V6u5T4s3R2q1P0o9N8m7L6k5J4';
    const seal = (plaintext: string): string => {
      const cipher = createCipheriv('aes-256-ecb', refundInfoKey(KEY2), null);
      return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
    };
    const cases: [string, string][] = [
      ['<!DOCTYPE root><root><refund_id>SECRET1</refund_id></root>', 'ERR_V2_XML_DOCTYPE'],
      ['<xml><refund_id>SECRET1</refund_id></xml>', 'ERR_V2_XML_ROOT'],
    ];
    for (const [plaintext, expected] of cases) {
      let error: unknown;
      try {
        decryptRefundInfo(seal(plaintext), KEY2);
      } catch (caught) {
        error = caught;
      }
      expect((error as { code?: string }).code).toBe(expected);
      expect(String((error as Error).message)).not.toContain('SECRET1');
    }
    const truncated = code(() => decryptRefundInfo(seal('<root><refund_id>1</refund_id>'), KEY2));
    expect(truncated).toMatch(/^ERR_V2_XML_/);
  });
});
