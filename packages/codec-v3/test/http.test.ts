import { describe, expect, it } from 'vitest';
import { getHeader, V3Error } from '../src/index.ts';

describe('getHeader', () => {
  it('matches names case-insensitively in records, Node headers and WHATWG Headers', () => {
    expect(getHeader({ 'wechatpay-serial': 'A1' }, 'Wechatpay-Serial')).toBe('A1');
    expect(getHeader({ 'WECHATPAY-SERIAL': 'A1' }, 'wechatpay-serial')).toBe('A1');
    expect(getHeader(new Headers({ 'Wechatpay-Serial': 'A1' }), 'WECHATPAY-SERIAL')).toBe('A1');
    expect(getHeader({ 'content-length': 12 }, 'Content-Length')).toBe('12');
    expect(getHeader({ 'x-one': ['only'] }, 'X-One')).toBe('only');
  });

  it('gives undefined for an absent header or an undefined value', () => {
    expect(getHeader({}, 'Wechatpay-Nonce')).toBeUndefined();
    expect(getHeader({ 'wechatpay-nonce': undefined }, 'Wechatpay-Nonce')).toBeUndefined();
    expect(getHeader(new Headers(), 'Wechatpay-Nonce')).toBeUndefined();
  });

  it('refuses a header given twice: as an array or under two spellings', () => {
    for (const headers of [
      { 'wechatpay-nonce': ['a', 'b'] },
      { 'Wechatpay-Nonce': 'a', 'wechatpay-nonce': 'b' },
      { 'wechatpay-nonce': [] },
    ]) {
      let caught: unknown;
      try {
        getHeader(headers, 'Wechatpay-Nonce');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(V3Error);
      expect((caught as V3Error).code).toBe('ERR_V3_HEADER_DUPLICATED');
      expect((caught as V3Error).field).toBe('Wechatpay-Nonce');
    }
  });

  it('refuses something that is not headers', () => {
    expect(() => getHeader(null as never, 'X')).toThrow(TypeError);
  });
});
