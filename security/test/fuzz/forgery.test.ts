import { isDeepStrictEqual } from 'node:util';
import { verifyXml } from '@qqwxpay/codec-v2';
import { decryptResource, encryptResource, type Resource, verifyResponse } from '@qqwxpay/codec-v3';
import { verifyV2Notification, verifyV3Notification } from '@qqwxpay/notify-verify';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { API_KEY, API_V3_KEY, NOW, platform } from '../support/keys.ts';
import { attempt } from '../support/outcome.ts';
import { fuzzRuns, longRun, Tally, writeResult } from '../support/tally.ts';
import {
  type AuthenticV2,
  authenticV2 as authenticV2Arb,
  referenceFields,
  signedView,
} from '../support/v2.ts';
import { type V2Mutation, v2Mutation } from '../support/v2-mutations.ts';
import { authenticCallback, authenticResponse } from '../support/v3.ts';
import { type V3Mutation, v3Mutation } from '../support/v3-mutations.ts';
import { OPEN_FINDINGS } from './open-findings.ts';

const tally = new Tally();
const started = Date.now();
const timeout = longRun ? 3_600_000 : 60_000;
const runs = {
  v2: fuzzRuns(600),
  v3Callback: fuzzRuns(400),
  v3Response: fuzzRuns(400),
  resource: fuzzRuns(600),
};

afterAll(() => {
  if (!longRun) return;
  writeResult('fuzz-latest.json', {
    date: new Date().toISOString(),
    node: process.version,
    numRunsPerProperty: runs,
    seconds: Math.round((Date.now() - started) / 1000),
    totals: tally.totals(),
    openFindings: OPEN_FINDINGS,
    byKind: tally.targets,
  });
});

/** Judges one outcome: refused, accepted unchanged, or accepted changed (a forgery). */
function judge<T>(
  target: string,
  klass: V2Mutation['klass'],
  kind: string,
  run: () => T,
  same: (value: T) => boolean,
): void {
  const outcome = attempt(run);
  if (!outcome.accepted) {
    tally.record(target, kind, 'refused', outcome.code);
    if (klass === 'same' && !openFinding(target, kind)) {
      expect.fail(`${target} refused an equivalent ${kind} message with ${outcome.code}`);
    }
    return;
  }
  const unchanged = same(outcome.value);
  tally.record(target, kind, unchanged ? 'same' : 'changed');
  if (openFinding(target, kind)) return;
  expect(unchanged, `${target} accepted a ${kind} mutation that changed what was signed`).toBe(
    true,
  );
  expect(klass, `${target} accepted a ${kind} mutation, which must be refused`).not.toBe('changed');
}

function openFinding(target: string, kind: string): boolean {
  return OPEN_FINDINGS.some((f) => f.target === target && f.kind === kind);
}

/** Whether two V2 field maps hold the same non-empty fields with the same values, and sign. */
function sameSigned(a: Record<string, string>, b: Record<string, string>): boolean {
  const present = (m: Record<string, string>) =>
    Object.keys(m)
      .filter((k) => m[k] !== '')
      .sort();
  const keys = present(a);
  return keys.join('\n') === present(b).join('\n') && keys.every((k) => a[k] === b[k]);
}

function v2Same(auth: AuthenticV2, input: string | Uint8Array) {
  const expected = Object.fromEntries(auth.entries);
  const view = signedView(expected);
  const reference = referenceFields(input);
  return (fields: Record<string, string>) =>
    sameSigned(fields, expected) &&
    signedView(fields) === view &&
    (reference === undefined || sameSigned(reference, expected));
}

describe('forged V2 callbacks', () => {
  it(
    `refuses every mutation that changes a signed field (${runs.v2} runs)`,
    () => {
      fc.assert(
        fc.property(authenticV2Arb, v2Mutation, (auth, mutation) => {
          const input = mutation.apply(auth);
          const same = v2Same(auth, input);
          judge(
            'verifyV2Notification',
            mutation.klass,
            mutation.name,
            () => {
              const event = verifyV2Notification({ body: input }, { key: API_KEY });
              if (event.kind !== 'payment') return Object.create(null) as Record<string, string>;
              return event.fields;
            },
            same,
          );
          judge('verifyXml', mutation.klass, mutation.name, () => verifyXml(input, API_KEY), same);
        }),
        { numRuns: runs.v2 },
      );
    },
    timeout,
  );
});

describe('forged V3 callbacks', () => {
  const { verifiers } = platform();

  it(
    `refuses every mutation that changes the body or a signed header (${runs.v3Callback} runs)`,
    () => {
      fc.assert(
        fc.property(authenticCallback, v3Mutation, (auth, mutation: V3Mutation) => {
          const m = mutation.apply(auth);
          judge(
            'verifyV3Notification',
            mutation.klass,
            mutation.name,
            () =>
              verifyV3Notification(
                { body: m.body, headers: m.headers },
                { apiV3Key: API_V3_KEY, verifiers, now: NOW },
              ),
            (event) =>
              event.id === auth.id &&
              event.eventType === auth.eventType &&
              isDeepStrictEqual({ ...event.resource }, auth.resource) &&
              event.signature.nonce === auth.nonce &&
              String(event.signature.timestamp) === auth.timestamp &&
              event.signature.serial === auth.serial,
          );
        }),
        { numRuns: runs.v3Callback },
      );
    },
    timeout,
  );
});

describe('forged V3 responses', () => {
  const { verifiers } = platform();

  it(
    `refuses every mutation that changes the body or a signed header (${runs.v3Response} runs)`,
    () => {
      fc.assert(
        fc.property(authenticResponse, v3Mutation, (auth, mutation: V3Mutation) => {
          const m = mutation.apply(auth);
          judge(
            'verifyResponse',
            mutation.klass,
            mutation.name,
            () =>
              verifyResponse(
                { status: m.status ?? auth.status, headers: m.headers, body: m.body },
                { verifiers, now: NOW },
              ),
            (response) => response.body === auth.body,
          );
        }),
        { numRuns: runs.v3Response },
      );
    },
    timeout,
  );
});

const resourceMutation = fc.oneof(
  fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }).map(({ at, bit }) => ({
    name: 'sealed-bit-flip',
    klass: 'changed' as const,
    apply: (r: Resource): Resource => {
      const sealed = Buffer.from(r.ciphertext, 'base64');
      sealed[at % sealed.length] = (sealed[at % sealed.length] as number) ^ (1 << bit);
      return { ...r, ciphertext: sealed.toString('base64') };
    },
  })),
  fc.integer({ min: 1, max: 16 }).map((n) => ({
    name: 'tag-truncated',
    klass: 'changed' as const,
    apply: (r: Resource): Resource => ({
      ...r,
      ciphertext: Buffer.from(r.ciphertext, 'base64').subarray(0, -n).toString('base64'),
    }),
  })),
  fc.nat().map((at) => ({
    name: 'nonce-changed',
    klass: 'changed' as const,
    apply: (r: Resource): Resource => {
      const i = at % r.nonce.length;
      const c = r.nonce[i] === 'a' ? 'b' : 'a';
      return { ...r, nonce: r.nonce.slice(0, i) + c + r.nonce.slice(i + 1) };
    },
  })),
  fc.constantFrom('', 'transaction ', 'refund', 'TRANSACTION').map((aad) => ({
    name: 'associated-data-changed',
    klass: 'changed' as const,
    apply: (r: Resource): Resource => ({
      ...r,
      associated_data: aad === r.associated_data ? `${aad}x` : aad,
    }),
  })),
  fc
    .constantFrom('aead_aes_256_gcm', 'AEAD_AES_128_GCM', 'AEAD_CHACHA20_POLY1305', '')
    .map((algorithm) => ({
      name: 'algorithm-changed',
      klass: 'changed' as const,
      apply: (r: Resource): Resource => ({ ...r, algorithm }),
    })),
  fc.constantFrom('refund', 'transaction', '').map((originalType) => ({
    name: 'original-type-changed',
    klass: 'same-optional' as const,
    apply: (r: Resource): Resource => ({ ...r, original_type: originalType }),
  })),
);

describe('forged V3 resources', () => {
  it(
    `refuses every change to the sealed bytes, nonce, associated data or algorithm (${runs.resource} runs)`,
    () => {
      fc.assert(
        fc.property(
          fc.string({ maxLength: 200 }),
          fc.constantFrom('transaction', 'refund', ''),
          resourceMutation,
          (plaintext, aad, mutation) => {
            const resource = {
              ...encryptResource(plaintext, API_V3_KEY, { associatedData: aad }),
              original_type: 'transaction',
            };
            judge(
              'decryptResource',
              mutation.klass,
              mutation.name,
              () => decryptResource(mutation.apply(resource), API_V3_KEY),
              (text) => text === plaintext,
            );
          },
        ),
        { numRuns: runs.resource },
      );
    },
    timeout,
  );
});

describe('the counts', () => {
  it('saw no forgery accepted, among a spread of mutation kinds', () => {
    const totals = tally.totals();
    for (const [target, sum] of Object.entries(totals)) {
      const open = OPEN_FINDINGS.filter((f) => f.target === target).map((f) => f.kind);
      const counted = Object.entries(tally.targets[target] ?? {})
        .filter(([kind]) => !open.includes(kind))
        .reduce((n, [, k]) => n + k.acceptedChanged, 0);
      expect(counted, target).toBe(0);
      expect(sum.tried, target).toBeGreaterThan(0);
    }
    expect(Object.keys(tally.targets.verifyXml ?? {}).length).toBeGreaterThan(20);
    expect(Object.keys(tally.targets.verifyV3Notification ?? {}).length).toBeGreaterThan(20);
  });
});
