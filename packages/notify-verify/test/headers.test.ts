import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HeadersLike, normalizeHeaders } from '../src/headers.ts';

describe('normalizeHeaders', () => {
  it('reads WHATWG Headers, Node-style records and plain records alike', () => {
    expect(normalizeHeaders(new Headers({ 'Wechatpay-Nonce': 'n' }))['wechatpay-nonce']).toBe('n');
    expect(normalizeHeaders({ 'wechatpay-nonce': ['n'], 'content-length': 3 })).toMatchObject({
      'wechatpay-nonce': 'n',
      'content-length': '3',
    });
    expect(normalizeHeaders({ 'WECHATPAY-NONCE': 'n', skipped: undefined })).toEqual({
      'wechatpay-nonce': 'n',
    });
  });

  it('refuses one name given twice with different values, accepts it with the same value', () => {
    expect(() => normalizeHeaders({ 'Wechatpay-Serial': 'A', 'wechatpay-serial': 'B' })).toThrow(
      expect.objectContaining({ code: 'ERR_NOTIFY_HEADERS_INVALID', field: 'wechatpay-serial' }),
    );
    expect(() => normalizeHeaders({ 'wechatpay-serial': ['A', 'B'] })).toThrow(
      expect.objectContaining({ code: 'ERR_NOTIFY_HEADERS_INVALID' }),
    );
    expect(
      normalizeHeaders({ 'Wechatpay-Serial': 'A', 'wechatpay-serial': 'A' })['wechatpay-serial'],
    ).toBe('A');
  });

  it('refuses a non-object naming the parameter', () => {
    expect(() => normalizeHeaders('x' as never)).toThrow(/headers/);
  });

  it('property: any casing of a name reads the same value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'Wechatpay-Timestamp',
          'Wechatpay-Nonce',
          'Wechatpay-Signature',
          'Wechatpay-Serial',
        ),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        fc.stringMatching(/^[A-Za-z0-9+/=]{1,40}$/),
        (name, upper, value) => {
          const cased = [...name]
            .map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase()))
            .join('');
          return normalizeHeaders({ [cased]: value })[name.toLowerCase()] === value;
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('a header value that is neither text nor a list of text', () => {
  it('is refused with a TypeError naming the header, not a bare iteration failure', () => {
    const headers = { 'wechatpay-nonce': { toString: () => 'x' } } as unknown as HeadersLike;
    expect(() => normalizeHeaders(headers)).toThrow(TypeError);
    expect(() => normalizeHeaders(headers)).toThrow(/headers\.wechatpay-nonce/);
    expect(() => normalizeHeaders({ 'wechatpay-nonce': [1] } as unknown as HeadersLike)).toThrow(
      /expected a string or an array of strings/,
    );
  });
});
