import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sign, type V2Error, type V2Fields, verify } from '../src/index.ts';
import {
  apiKey,
  fieldName,
  nonEmptyValue,
  paramMap,
  plainParamMap,
} from './support/arbitraries.ts';
import { codeOf as code } from './support/codes.ts';

const KEY = '192006250b4c09247ec02edce69f6a2d';
const signTypes = fc.constantFrom('MD5' as const, 'HMAC-SHA256' as const);

function signed(fields: Record<string, string>, key: string, type: 'MD5' | 'HMAC-SHA256') {
  const withType = type === 'MD5' ? { ...fields } : { ...fields, sign_type: type };
  return { ...withType, sign: sign(withType, key) };
}

describe('verify: properties', () => {
  test('sign then verify holds for any unambiguous parameter map, key and algorithm', () => {
    fc.assert(
      fc.property(plainParamMap, apiKey, signTypes, (fields, key, type) => {
        const message = signed(fields, key, type);
        expect({ ...verify(message, key) }).toEqual(message);
      }),
      { numRuns: 300 },
    );
  });

  test('changing any value fails', () => {
    fc.assert(
      fc.property(paramMap, signTypes, fc.nat(), nonEmptyValue, (fields, type, pick, other) => {
        const message: V2Fields = signed(fields, KEY, type);
        const names = Object.keys(message).filter((n) => n !== 'sign');
        const name = names[pick % names.length] as string;
        fc.pre(message[name] !== other && other !== '');
        message[name] = other;
        expect(code(() => verify(message, KEY))).toMatch(
          /^ERR_V2_(SIGNATURE_MISMATCH|SIGN_TYPE_UNSUPPORTED)$/,
        );
      }),
      { numRuns: 300 },
    );
  });

  test('dropping any non-empty field fails', () => {
    fc.assert(
      fc.property(paramMap, signTypes, fc.nat(), (fields, type, pick) => {
        const message: V2Fields = signed(fields, KEY, type);
        const names = Object.keys(message).filter((n) => n !== 'sign');
        delete message[names[pick % names.length] as string];
        expect(code(() => verify(message, KEY))).toBe('ERR_V2_SIGNATURE_MISMATCH');
      }),
      { numRuns: 300 },
    );
  });

  test('adding any non-empty field fails', () => {
    fc.assert(
      fc.property(paramMap, signTypes, fieldName, nonEmptyValue, (fields, type, name, value) => {
        const message: V2Fields = signed(fields, KEY, type);
        fc.pre(!Object.hasOwn(message, name) && name !== 'sign_type');
        message[name] = value;
        expect(code(() => verify(message, KEY))).toBe('ERR_V2_SIGNATURE_MISMATCH');
      }),
      { numRuns: 300 },
    );
  });

  test('another key fails', () => {
    fc.assert(
      fc.property(paramMap, apiKey, apiKey, signTypes, (fields, key, other, type) => {
        fc.pre(key !== other);
        expect(code(() => verify(signed(fields, key, type), other))).toBe(
          'ERR_V2_SIGNATURE_MISMATCH',
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('verify: rules', () => {
  const message = () => signed({ appid: 'wx1', mch_id: '10000100', total_fee: '88' }, KEY, 'MD5');

  test('returns a null-prototype copy of every field, sign included', () => {
    const input = message();
    const fields = verify(input, KEY);
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(fields).not.toBe(input);
    expect({ ...fields }).toEqual(input);
  });

  test('a missing or empty sign is ERR_V2_SIGNATURE_MISSING', () => {
    const { sign: _, ...unsigned } = message();
    expect(code(() => verify(unsigned, KEY))).toBe('ERR_V2_SIGNATURE_MISSING');
    expect(code(() => verify({ ...unsigned, sign: '' }, KEY))).toBe('ERR_V2_SIGNATURE_MISSING');
  });

  test('a lower-case copy of the right signature is refused (exact comparison)', () => {
    const input = message();
    expect(code(() => verify({ ...input, sign: input.sign.toLowerCase() }, KEY))).toBe(
      'ERR_V2_SIGNATURE_MISMATCH',
    );
  });

  test('a sign_type other than MD5 or HMAC-SHA256 is ERR_V2_SIGN_TYPE_UNSUPPORTED', () => {
    for (const declared of ['SHA1', 'md5', 'HMAC-SHA1', 'RSA']) {
      const fields = { ...message(), sign_type: declared };
      expect(code(() => verify(fields, KEY))).toBe('ERR_V2_SIGN_TYPE_UNSUPPORTED');
    }
  });

  test('options.signType applies only when the fields carry no sign_type', () => {
    const fields = { a: '1' };
    const hmac = { ...fields, sign: sign(fields, KEY, 'HMAC-SHA256') };
    expect(code(() => verify(hmac, KEY))).toBe('ERR_V2_SIGNATURE_MISMATCH');
    expect(verify(hmac, KEY, { signType: 'HMAC-SHA256' }).a).toBe('1');
    const md5 = signed({ a: '1', sign_type: 'MD5' }, KEY, 'MD5');
    expect(verify(md5, KEY, { signType: 'HMAC-SHA256' }).a).toBe('1');
  });

  test('the error message carries neither the key nor any value', () => {
    const input = { ...message(), total_fee: '8800' };
    try {
      verify(input, KEY);
      expect.unreachable();
    } catch (error) {
      const text = `${(error as Error).message} ${String((error as V2Error).field)}`;
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('8800');
      expect(text).not.toContain(input.sign);
    }
  });

  test('refuses fields that are not strings', () => {
    expect(() => verify({ a: 1.5, sign: 'X' } as never, KEY)).toThrow(TypeError);
    expect(() => verify({ total_fee: 88, sign: 'X' } as never, KEY)).toThrow(/fields\.total_fee/);
    expect(() => verify(null as never, KEY)).toThrow(/fields/);
  });
});
