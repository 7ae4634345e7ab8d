import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasForbiddenXmlChar } from '../../src/internal/xml-chars.ts';

// XML 1.0's Char production, read code point by code point; a lone surrogate is no Char.
function referenceForbidden(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let point = unit;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        point = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    const allowed =
      point === 0x9 ||
      point === 0xa ||
      point === 0xd ||
      (point >= 0x20 && point <= 0xd7ff) ||
      (point >= 0xe000 && point <= 0xfffd) ||
      (point >= 0x10000 && point <= 0x10ffff);
    if (!allowed) return true;
  }
  return false;
}

describe('hasForbiddenXmlChar', () => {
  it('refuses C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates', () => {
    for (const text of ['\u0000', 'a\u0008', '\u000b', '\u000c', '\u001f', '\ufffe', '\uffff']) {
      expect(hasForbiddenXmlChar(text), JSON.stringify(text)).toBe(true);
    }
    for (const text of ['\ud800', 'a\udc00', '\udbff\u0041', '\udc00\ud800']) {
      expect(hasForbiddenXmlChar(text), JSON.stringify(text)).toBe(true);
    }
    for (const text of ['', 'a\tb\nc\rd', '中文', '\ud83d\ude00', '\ufffd', '\ue000']) {
      expect(hasForbiddenXmlChar(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('agrees with the Char production on any text near the edges of the ranges', () => {
    const unit = fc.constantFrom(
      ...'\u0000\u0008\u0009\u000a\u000b\u000d\u001f\u0020a中\ud7ff\ud800\udbff\udc00\udfff\ue000\ufffd\ufffe\uffff',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 8 }), (text) => {
        return hasForbiddenXmlChar(text) === referenceForbidden(text);
      }),
      { numRuns: 2000 },
    );
  });
});
