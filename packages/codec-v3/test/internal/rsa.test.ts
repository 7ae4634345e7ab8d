import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rsaVerify } from '../../src/internal/rsa.ts';
import { wycheproof } from '../support/fixtures.ts';

interface SigCase {
  tcId: number;
  comment: string;
  flags: string[];
  msg: string;
  sig: string;
  result: 'valid' | 'invalid' | 'acceptable';
}
interface SigFile {
  testGroups: Array<{ publicKeyDer: string; sha: string; tests: SigCase[] }>;
}

/**
 * How `acceptable` cases come out with Node's OpenSSL, recorded: tcId 8 (MissingNull, a
 * DigestInfo without the NULL parameters) is refused.
 */
const ACCEPTABLE_OUTCOMES: Record<number, boolean> = { 8: false };

const file = wycheproof<SigFile>('rsa_signature_2048_sha256_test');
const cases = file.testGroups.flatMap((g) => {
  const key = createPublicKey({
    key: Buffer.from(g.publicKeyDer, 'hex'),
    format: 'der',
    type: 'spki',
  });
  return g.tests.map((t) => ({ ...t, key, sha: g.sha }));
});

describe('Wycheproof rsa_signature_2048_sha256_test (RSASSA-PKCS1-v1_5, SHA-256), every case', () => {
  it('uses SHA-256 in every group', () => {
    expect(new Set(cases.map((c) => c.sha))).toEqual(new Set(['SHA-256']));
  });

  it.each(cases.map((c) => [c.tcId, c.result, c.flags.join(','), c] as const))(
    'tcId %i (%s; %s)',
    (_, result, __, c) => {
      const accepted = rsaVerify(c.key, Buffer.from(c.msg, 'hex'), Buffer.from(c.sig, 'hex'));
      if (result === 'valid') expect(accepted).toBe(true);
      else if (result === 'invalid') expect(accepted).toBe(false);
      else expect(accepted).toBe(ACCEPTABLE_OUTCOMES[c.tcId]);
    },
  );

  it('counts by result', () => {
    const counts: Record<string, number> = {};
    for (const c of cases) counts[c.result] = (counts[c.result] ?? 0) + 1;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(cases.length);
    expect(counts.valid).toBeGreaterThan(0);
    expect(counts.invalid).toBeGreaterThan(0);
    expect(cases.filter((c) => c.result === 'acceptable').map((c) => c.tcId)).toEqual(
      Object.keys(ACCEPTABLE_OUTCOMES).map(Number),
    );
  });
});
