import type {
  ContenderName,
  GateResult,
  Measured,
  Operation,
  OperationId,
  Target,
} from './model.ts';
import { OURS, RAW } from './model.ts';

export type Results = Map<OperationId, Map<ContenderName, Measured>>;

/** The shape of `results/latest.json`: `{operation: {contender: {opsPerSec, nsPerOp}}}`. */
export function toJson(
  results: Results,
): Record<string, Record<string, { opsPerSec: number; nsPerOp: number }>> {
  const out: Record<string, Record<string, { opsPerSec: number; nsPerOp: number }>> = {};
  for (const [operation, contenders] of results) {
    out[operation] = {};
    for (const [name, m] of contenders) {
      out[operation][name] = { opsPerSec: Math.round(m.opsPerSec), nsPerOp: Math.round(m.nsPerOp) };
    }
  }
  return out;
}

export interface Verdict {
  target: Target;
  /** The name the target resolved to (the fastest peer's name for `fastest peer`). */
  against?: ContenderName;
  ratio?: number;
  met?: boolean;
}

/** Checks our contender of one operation against each of its targets. */
export function verdicts(
  operation: Operation,
  measured: Map<ContenderName, Measured> | undefined,
): Verdict[] {
  const ours = measured?.get(OURS);
  return operation.targets.map((target) => {
    let against: ContenderName | undefined;
    if (target.against === 'fastest peer') {
      let best = 0;
      for (const [name, m] of measured ?? []) {
        if (name !== RAW && name !== OURS && m.opsPerSec > best) {
          best = m.opsPerSec;
          against = name;
        }
      }
    } else {
      against = target.against;
    }
    const other = against === undefined ? undefined : measured?.get(against);
    if (ours === undefined || other === undefined) return { target, against };
    const ratio = ours.opsPerSec / other.opsPerSec;
    return { target, against, ratio, met: ratio >= target.min };
  });
}

function ops(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(0)}k`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return n.toFixed(0);
}

function targetText(v: Verdict): string {
  const name = v.target.against === RAW ? 'raw' : (v.against ?? v.target.against);
  if (v.ratio === undefined) return `≥ ${v.target.min}× ${name}: not measured`;
  return `${v.ratio.toFixed(2)}× ${name} (≥ ${v.target.min}×) ${v.met ? 'met' : 'MISSED'}`;
}

const COLUMNS: readonly ContenderName[] = [
  RAW,
  OURS,
  'wechatpay-axios-plugin',
  'wechatpay-node-v3',
  'tenpay',
];

/**
 * The results as a Markdown table: ops/s per contender with its ratio to raw, then our
 * target check. A contender that failed its gate shows `gate failed`; one without the
 * operation shows `—`.
 */
export function markdownTable(
  operations: readonly Operation[],
  results: Results,
  gates: readonly GateResult[],
): string {
  const header = [
    'operation',
    ...COLUMNS.map((c) => (c === RAW ? 'raw node:crypto' : c)),
    'target',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const operation of operations) {
    const measured = results.get(operation.id);
    const raw = measured?.get(RAW);
    const cells = COLUMNS.map((name) => {
      const gateResult = gates.find((g) => g.operation === operation.id && g.contender === name);
      if (gateResult && !gateResult.passed) return 'gate failed';
      const m = measured?.get(name);
      if (m === undefined) return '—';
      if (name === RAW || raw === undefined) return `${ops(m.opsPerSec)}/s`;
      return `${ops(m.opsPerSec)}/s (${(m.opsPerSec / raw.opsPerSec).toFixed(2)}×)`;
    });
    const target = verdicts(operation, measured).map(targetText).join('; ') || 'none set';
    lines.push(`| ${operation.id} | ${cells.join(' | ')} | ${target} |`);
  }
  return lines.join('\n');
}
