import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Strict } from '../../src/internal/bytes.ts';

// The grammar of canonical padded base64, as a regular expression: the reference the linear
// check must agree with on short values (it backtracks too deeply on multi-megabyte ones).
const CANONICAL = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function reference(text: string): Buffer | undefined {
  if (!CANONICAL.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

describe('decodeBase64Strict', () => {
  it('decodes padded standard base64, the empty string included', () => {
    expect(decodeBase64Strict('')?.length).toBe(0);
    expect(decodeBase64Strict('QUJD')?.toString()).toBe('ABC');
    expect(decodeBase64Strict('QUI=')?.toString()).toBe('AB');
    expect(decodeBase64Strict('QQ==')?.toString()).toBe('A');
  });

  it('refuses missing or misplaced padding, other alphabets, whitespace and spare bits', () => {
    for (const text of [
      'QQ',
      'QUI',
      'Q===',
      '====',
      'QQ=A',
      'Q=Q=',
      'QQ==QUJD',
      'QUJD=',
      'QU-_',
      'QUJD\n',
      ' QUJD',
      'QUJ\u00e9',
      'QR==',
      'QUJ=',
    ]) {
      expect(decodeBase64Strict(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});

describe('regression: stack overflow', () => {
  it('an 8 MB value of base64 characters is decoded, not a stack overflow in a regex', () => {
    const text = 'QUFB'.repeat(2 * 1024 * 1024);
    expect(decodeBase64Strict(text)?.length).toBe(6 * 1024 * 1024);
    expect(decodeBase64Strict(`${text.slice(0, -1)}=`)).toBeUndefined();
    expect(decodeBase64Strict(`${text.slice(0, -4)}QU=B`)).toBeUndefined();
  });
});

describe('properties', () => {
  it('agrees with the canonical base64 grammar on any short text near the alphabet', () => {
    const unit = fc.constantFrom(...'AQgw+/=9z-_ \n\u00e9');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (text) => {
        const expected = reference(text);
        const actual = decodeBase64Strict(text);
        return expected === undefined ? actual === undefined : actual?.equals(expected) === true;
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes what Buffer encodes, byte for byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const decoded = decodeBase64Strict(Buffer.from(bytes).toString('base64'));
        return decoded?.equals(Buffer.from(bytes)) === true;
      }),
      { numRuns: 300 },
    );
  });
});
