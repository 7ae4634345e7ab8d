import { describe, expect, it } from 'vitest';
import type { ContenderName, Measured, Operation } from '../src/model.ts';
import { markdownTable, toJson, verdicts } from '../src/report.ts';

const measured = (opsPerSec: number): Measured => ({
  opsPerSec,
  nsPerOp: 1e9 / opsPerSec,
  rounds: [1e9 / opsPerSec],
});

const operation: Operation = {
  id: 'V2 sign MD5',
  input: 'test',
  altered: [],
  targets: [
    { against: 'fastest peer', min: 1 },
    { against: 'raw node:crypto', min: 0.9 },
  ],
  check: () => undefined,
};

const figures = new Map<ContenderName, Measured>([
  ['raw node:crypto', measured(200_000)],
  ['qqwxpay', measured(190_000)],
  ['wechatpay-axios-plugin', measured(80_000)],
  ['tenpay', measured(180_000)],
]);

describe('report', () => {
  it('resolves the fastest peer and checks each target', () => {
    const [peer, raw] = verdicts(operation, figures);
    expect(peer).toMatchObject({ against: 'tenpay', met: true });
    expect(peer?.ratio).toBeCloseTo(190 / 180);
    expect(raw).toMatchObject({ against: 'raw node:crypto', met: true, ratio: 0.95 });
  });

  it('marks a target missed below its ratio', () => {
    const slow = new Map(figures).set('qqwxpay', measured(150_000));
    expect(verdicts(operation, slow).map((v) => v.met)).toEqual([false, false]);
  });

  it('writes {operation: {contender: {opsPerSec, nsPerOp}}}', () => {
    const json = toJson(new Map([[operation.id, figures]]));
    expect(json['V2 sign MD5']?.tenpay).toEqual({ opsPerSec: 180_000, nsPerOp: 5556 });
    expect(Object.keys(json['V2 sign MD5'] ?? {})).toHaveLength(4);
  });

  it('shows a failed gate instead of a figure', () => {
    const table = markdownTable([operation], new Map([[operation.id, figures]]), [
      { operation: operation.id, contender: 'tenpay', passed: false, reason: 'x' },
    ]);
    expect(table).toContain('| gate failed |');
    expect(table).toContain('1.06× tenpay (≥ 1×) met');
  });
});
