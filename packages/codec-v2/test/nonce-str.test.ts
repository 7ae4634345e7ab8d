import { describe, expect, test } from 'vitest';
import { nonceStr } from '../src/index.ts';

describe('nonceStr', () => {
  test('draws 32 letters and digits by default', () => {
    expect(nonceStr()).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  test('honours the length from 1 to 32', () => {
    for (let length = 1; length <= 32; length++) expect(nonceStr(length)).toHaveLength(length);
  });

  test('does not repeat across a thousand draws', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => nonceStr()));
    expect(seen.size).toBe(1000);
  });

  test('uses the whole alphabet', () => {
    const letters = new Set(Array.from({ length: 200 }, () => nonceStr()).join(''));
    expect(letters.size).toBe(62);
  });

  test.each([0, 33, 1.5, Number.NaN])('refuses length %s with a RangeError', (length) => {
    expect(() => nonceStr(length)).toThrow(RangeError);
  });
});
