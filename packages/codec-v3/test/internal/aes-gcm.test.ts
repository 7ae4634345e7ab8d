import { describe, expect, it } from 'vitest';
import { aesGcmOpen, aesGcmSeal } from '../../src/internal/aes-gcm.ts';
import { wycheproof } from '../support/fixtures.ts';

interface GcmCase {
  tcId: number;
  comment: string;
  flags: string[];
  key: string;
  iv: string;
  aad: string;
  msg: string;
  ct: string;
  tag: string;
  result: 'valid' | 'invalid' | 'acceptable';
}
interface GcmFile {
  testGroups: Array<{ keySize: number; ivSize: number; tagSize: number; tests: GcmCase[] }>;
}

const file = wycheproof<GcmFile>('aes_gcm_test');
const groups = file.testGroups.filter(
  (g) => g.keySize === 256 && g.ivSize === 96 && g.tagSize === 128,
);
const cases = groups.flatMap((g) => g.tests);
const hex = (text: string) => Buffer.from(text, 'hex');

describe('Wycheproof aes_gcm_test: keySize 256, ivSize 96, tagSize 128 (AEAD_AES_256_GCM)', () => {
  it('selects a non-empty set of cases', () => {
    expect(groups.length).toBeGreaterThan(0);
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.tcId, c.result, c.flags.join(','), c] as const))(
    'tcId %i (%s; %s)',
    (_, result, __, c) => {
      const opened = aesGcmOpen(
        hex(c.key),
        hex(c.iv),
        Buffer.concat([hex(c.ct), hex(c.tag)]),
        hex(c.aad),
      );
      if (result === 'valid') {
        expect(opened?.toString('hex')).toBe(c.msg);
        expect(aesGcmSeal(hex(c.key), hex(c.iv), hex(c.msg), hex(c.aad)).toString('hex')).toBe(
          c.ct + c.tag,
        );
      } else if (result === 'invalid') {
        expect(opened).toBeUndefined();
      } else {
        expect(opened === undefined || opened.toString('hex') === c.msg).toBe(true);
      }
    },
  );

  it('counts by result', () => {
    const counts: Record<string, number> = {};
    for (const c of cases) counts[c.result] = (counts[c.result] ?? 0) + 1;
    expect(counts.valid! + (counts.invalid ?? 0) + (counts.acceptable ?? 0)).toBe(cases.length);
    expect(counts.valid).toBeGreaterThan(0);
    expect(counts.invalid).toBeGreaterThan(0);
  });
});
