import { beforeAll, describe, expect, it } from 'vitest';
import { allRunners } from '../src/contenders/index.ts';
import { type Fixtures, makeFixtures } from '../src/fixtures.ts';
import { gate } from '../src/gate.ts';
import { KNOWN_FAILURES } from '../src/known-failures.ts';
import { type ContenderName, type GateResult, OURS, RAW, type Runners } from '../src/model.ts';
import { makeOperations } from '../src/operations.ts';

let fixtures: Fixtures;
let contenders: Map<ContenderName, Runners>;

beforeAll(() => {
  fixtures = makeFixtures();
  contenders = allRunners(fixtures);
});

async function allGates(): Promise<GateResult[]> {
  const results: GateResult[] = [];
  for (const operation of makeOperations(fixtures)) {
    for (const [name, runners] of contenders) {
      const runner = runners[operation.id];
      if (runner !== undefined) results.push(await gate(operation, name, runner));
    }
  }
  return results;
}

describe('correctness gates', () => {
  it('raw node:crypto and qqwxpay each cover every operation', () => {
    const ids = makeOperations(fixtures).map((o) => o.id);
    expect(Object.keys(contenders.get(RAW)!).sort()).toEqual([...ids].sort());
    expect(Object.keys(contenders.get(OURS)!).sort()).toEqual([...ids].sort());
  });

  it('every contender passes except the known peer failures', async () => {
    const failed = (await allGates())
      .filter((g) => !g.passed)
      .map((g) => `${g.contender} / ${g.operation}: ${g.reason}`);
    const known = KNOWN_FAILURES.map((k) => `${k.contender} / ${k.operation}`);
    expect(failed.map((line) => line.slice(0, line.indexOf(':')))).toEqual(known);
  });

  it('a contender that returns the wrong sign fails its gate', async () => {
    const [operation] = makeOperations(fixtures);
    const result = await gate(operation!, RAW, { run: () => fixtures.signHmac, via: 'test' });
    expect(result).toMatchObject({ passed: false });
  });

  it('a contender that accepts an altered notification fails its gate', async () => {
    const operation = makeOperations(fixtures).find(
      (o) => o.id === 'V2 parse + verify notification',
    )!;
    const accepting = {
      run: () => fixtures.notificationFields,
      tampered: [() => ({})],
      via: 'test',
    };
    const result = await gate(operation, RAW, accepting);
    expect(result.reason).toMatch(/accepted an input with total_fee changed/);
  });

  it('the raw V2 signs match the official documentation examples', async () => {
    const { readFile } = await import('node:fs/promises');
    const path = new URL('../../../shared/vectors/wechatpay-official.json', import.meta.url);
    const vectors = JSON.parse(await readFile(path, 'utf8')) as {
      cases: Array<{
        params: Record<string, string>;
        key: string;
        sign_type: string;
        sign: string;
      }>;
    };
    const { rawSign } = await import('../src/contenders/raw.ts');
    for (const c of vectors.cases) {
      expect(rawSign(c.params, c.key, c.sign_type as 'MD5' | 'HMAC-SHA256')).toBe(c.sign);
    }
  });
});
