import { createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { oaepDecrypt, oaepEncrypt } from '../../src/internal/rsa-oaep.ts';
import { wycheproof } from '../support/fixtures.ts';

interface OaepCase {
  tcId: number;
  comment: string;
  flags: string[];
  msg: string;
  ct: string;
  label: string;
  result: 'valid' | 'invalid' | 'acceptable';
}
interface OaepFile {
  testGroups: Array<{ privateKeyPkcs8: string; sha: string; mgfSha: string; tests: OaepCase[] }>;
}

const file = wycheproof<OaepFile>('rsa_oaep_2048_sha1_mgf1sha1_test');
const cases = file.testGroups.flatMap((g) => {
  const key = createPrivateKey({
    key: Buffer.from(g.privateKeyPkcs8, 'hex'),
    format: 'der',
    type: 'pkcs8',
  });
  return g.tests.map((t) => ({ ...t, key, sha: g.sha, mgfSha: g.mgfSha }));
});
const hex = (text: string) => Buffer.from(text, 'hex');

describe('Wycheproof rsa_oaep_2048_sha1_mgf1sha1_test (RSA-OAEP SHA-1, MGF1-SHA-1), every case', () => {
  it('uses SHA-1 and MGF1-SHA-1 in every group', () => {
    expect(new Set(cases.map((c) => `${c.sha}/${c.mgfSha}`))).toEqual(new Set(['SHA-1/SHA-1']));
  });

  it.each(cases.map((c) => [c.tcId, c.result, c.flags.join(','), c] as const))(
    'tcId %i (%s; %s)',
    (_, result, __, c) => {
      const label = c.label === '' ? undefined : hex(c.label);
      const opened = oaepDecrypt(c.key, hex(c.ct), label);
      if (result === 'valid') {
        expect(opened?.toString('hex')).toBe(c.msg);
        const again = oaepEncrypt(c.key, hex(c.msg), label);
        expect(oaepDecrypt(c.key, again, label)?.toString('hex')).toBe(c.msg);
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
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(cases.length);
    expect(counts.valid).toBeGreaterThan(0);
    expect(counts.invalid).toBeGreaterThan(0);
  });
});
