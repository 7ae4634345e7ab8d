import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decryptRefundInfo, sign, stringToSign, verify } from '../src/index.ts';

const KEY = '192006250b4c09247ec02edce69f6a2d';

describe('stringToSign', () => {
  test('sorts by code unit, leaves out sign and empty values, appends the key', () => {
    const text = stringToSign(
      {
        b: '2',
        a: '1',
        sign: 'X',
        empty: '',
        nothing: null,
        missing: undefined,
        zero: '0',
        Z: 'z',
      },
      KEY,
    );
    expect(text).toBe(`Z=z&a=1&b=2&zero=0&key=${KEY}`);
  });

  test('writes safe integers in decimal, zero included', () => {
    expect(stringToSign({ total_fee: 88, coupon_count: 0, neg: -3 }, KEY)).toBe(
      `coupon_count=0&neg=-3&total_fee=88&key=${KEY}`,
    );
  });

  test.each([
    ['a fraction', 1.5],
    ['an unsafe integer', 2 ** 53],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a boolean', true],
    ['an object', { x: 1 }],
    ['an array', ['1']],
    ['a bigint', 1n],
    ['a lone high surrogate', 'a\uD83D'],
    ['a lone low surrogate', '\uDE00b'],
  ])('refuses %s before signing, naming the field', (_, value) => {
    expect(() => sign({ total_fee: value as never }, KEY)).toThrow(TypeError);
    expect(() => sign({ total_fee: value as never }, KEY)).toThrow(/params\.total_fee/);
  });

  test('refuses a key that is not a string', () => {
    expect(() => stringToSign({ a: '1' }, 5 as never)).toThrow(TypeError);
    expect(() => stringToSign({ a: '1' }, 5 as never)).toThrow(/key/);
  });

  test('an API key that is not exactly 32 printable ASCII characters is a RangeError', () => {
    for (const [bad, got] of [
      ['', 0],
      ['abc', 3],
      [`${KEY}\n`, 33],
      [KEY.slice(1), 31],
    ] as const) {
      for (const call of [
        () => sign({ a: '1' }, bad),
        () => verify({ a: '1', sign: 'x' }, bad),
        () => decryptRefundInfo('AAAA', bad),
      ]) {
        expect(call).toThrow(RangeError);
        expect(call).toThrow(`key must be 32 printable ASCII characters, got ${got}`);
      }
    }
    const control = `${KEY.slice(1)}\t`;
    expect(() => sign({ a: '1' }, control)).toThrow(/^key must be printable ASCII only/);
    expect(() => sign({ a: '1' }, `${KEY.slice(2)}é!`)).toThrow(RangeError);
  });

  test('refuses parameters that are not an object', () => {
    expect(() => stringToSign(null as never, KEY)).toThrow(/params/);
    expect(() => stringToSign(['a'] as never, KEY)).toThrow(TypeError);
  });

  test('refuses names that would make the string ambiguous', () => {
    expect(() => stringToSign({ 'a=b': '1' }, KEY)).toThrow(/field name/);
    expect(() => stringToSign({ 'a&b': '1' }, KEY)).toThrow(TypeError);
  });
});

describe('sign', () => {
  test('an integer and its decimal string sign alike', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(sign({ total_fee: n }, KEY)).toBe(sign({ total_fee: String(n) }, KEY));
      }),
      { numRuns: 200 },
    );
  });

  test('picks params.sign_type when no algorithm is given', () => {
    const params = { a: '1', sign_type: 'HMAC-SHA256' };
    expect(sign(params, KEY)).toHaveLength(64);
    expect(sign(params, KEY)).toBe(sign(params, KEY, 'HMAC-SHA256'));
  });

  test('refuses an algorithm that disagrees with params.sign_type', () => {
    expect(() => sign({ a: '1', sign_type: 'HMAC-SHA256' }, KEY, 'MD5')).toThrow(RangeError);
    expect(() => sign({ a: '1', sign_type: 'SHA1' }, KEY)).toThrow(/params\.sign_type/);
    expect(() => sign({ a: '1' }, KEY, 'sha256' as never)).toThrow(/signType/);
  });

  test('output is upper-case hex of the right length', () => {
    expect(sign({ a: '1' }, KEY)).toMatch(/^[0-9A-F]{32}$/);
    expect(sign({ a: '1' }, KEY, 'HMAC-SHA256')).toMatch(/^[0-9A-F]{64}$/);
  });
});
