import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate } from '../../src/internal/params.ts';

// A high surrogate must be followed by a low one, and a low one preceded by a high one.
function referenceLone(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit >= 0xdc00) return true;
    const next = text.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
    i++;
  }
  return false;
}

describe('hasLoneSurrogate', () => {
  it('finds a surrogate without its partner, anywhere', () => {
    expect(hasLoneSurrogate('\ud83d\ude00 中文')).toBe(false);
    expect(hasLoneSurrogate('a\ud83d')).toBe(true);
    expect(hasLoneSurrogate('\ude00a')).toBe(true);
    expect(hasLoneSurrogate('\ude00\ud83d')).toBe(true);
  });

  it('agrees with a pairwise reading of the UTF-16 units', () => {
    const unit = fc.constantFrom(...'a中\ud7ff\ud800\udbff\udc00\udfff\ue000');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 8 }), (text) => {
        return hasLoneSurrogate(text) === referenceLone(text);
      }),
      { numRuns: 2000 },
    );
  });
});
