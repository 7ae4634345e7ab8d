import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Counts of one mutation kind against one function. */
export interface KindCount {
  tried: number;
  refused: number;
  /** Accepted, and what was read equals the authentic message. */
  acceptedSame: number;
  /** Accepted with a signed byte or value changed: a forgery. Must stay 0. */
  acceptedChanged: number;
  /** Codes of the refusals, with their counts. */
  codes: Record<string, number>;
}

/** Counts per target and mutation kind, written to results/ after a long run. */
export class Tally {
  readonly targets: Record<string, Record<string, KindCount>> = {};

  record(
    target: string,
    kind: string,
    result: 'refused' | 'same' | 'changed',
    code?: string,
  ): void {
    const byKind = this.targets[target] ?? {};
    this.targets[target] = byKind;
    const count = byKind[kind] ?? {
      tried: 0,
      refused: 0,
      acceptedSame: 0,
      acceptedChanged: 0,
      codes: {},
    };
    byKind[kind] = count;
    count.tried += 1;
    if (result === 'refused') {
      count.refused += 1;
      if (code) count.codes[code] = (count.codes[code] ?? 0) + 1;
    } else if (result === 'same') count.acceptedSame += 1;
    else count.acceptedChanged += 1;
  }

  /** Totals per target. */
  totals(): Record<string, Omit<KindCount, 'codes'>> {
    const out: Record<string, Omit<KindCount, 'codes'>> = {};
    for (const [target, kinds] of Object.entries(this.targets)) {
      const sum = { tried: 0, refused: 0, acceptedSame: 0, acceptedChanged: 0 };
      for (const k of Object.values(kinds)) {
        sum.tried += k.tried;
        sum.refused += k.refused;
        sum.acceptedSame += k.acceptedSame;
        sum.acceptedChanged += k.acceptedChanged;
      }
      out[target] = sum;
    }
    return out;
  }
}

/** The folder the scripts and the long runs write their figures to. */
export const RESULTS_DIR: string = join(import.meta.dirname, '..', '..', 'results');

/** Writes `results/<name>` as JSON laid out the way the repository's formatter lays it out. */
export function writeResult(name: string, value: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, name);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  const biome = join(import.meta.dirname, '..', '..', '..', 'node_modules', '.bin', 'biome');
  spawnSync(biome, ['format', '--write', path], { stdio: 'ignore' });
  return path;
}

/**
 * Property runs per fuzz property: FUZZ_RUNS for the long run (`pnpm test:fuzz`), else the
 * bounded count that keeps the CI run short.
 */
export function fuzzRuns(ciRuns: number): number {
  const fromEnv = Number.parseInt(process.env.FUZZ_RUNS ?? '', 10);
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : ciRuns;
}

/** Whether this is the long run, whose figures are written to results/. */
export const longRun: boolean = process.env.FUZZ_RUNS !== undefined;
