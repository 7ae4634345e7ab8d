import { measure } from 'mitata';
import type { ContenderName, Measured } from './model.ts';

/** How long to measure: rounds per operation, time per contender per round, warm-up. */
export interface Budget {
  rounds: number;
  roundMs: number;
  warmupMs: number;
}

export const FULL: Budget = { rounds: 11, roundMs: 60, warmupMs: 150 };
export const QUICK: Budget = { rounds: 3, roundMs: 30, warmupMs: 30 };

/** What a sample's time is: the process's CPU time, or the wall clock. */
export type Clock = 'cpu' | 'wall';

/**
 * The process's CPU time (user + system) in nanoseconds. The kernel counts it per
 * microsecond, and a sample of a fast function is a batch of 256 calls, so the count's own
 * step stays far below the figure; time spent waiting for a core that other processes hold
 * is left out.
 */
function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) * 1e3;
}

const gc = (globalThis as { gc?: () => void }).gc;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function warmUp(run: () => unknown, ms: number): Promise<void> {
  const until = performance.now() + ms;
  let calls = 0;
  while (calls < 16 || performance.now() < until) {
    const result = run();
    if (result instanceof Promise) await result;
    calls++;
  }
}

/**
 * Times the contenders of one operation in one process, interleaved: each is warmed up, then
 * every round measures each contender once, starting with a different one each round, so
 * drift in the machine's speed falls on all of them alike. mitata batches the calls of fast
 * functions so the timer's own cost stays out of the figure. The result per contender is the
 * median of its per-round medians.
 */
export async function timeOperation(
  contenders: ReadonlyArray<readonly [ContenderName, () => unknown]>,
  budget: Budget,
  clock: Clock = 'cpu',
): Promise<Map<ContenderName, Measured>> {
  for (const [, run] of contenders) await warmUp(run, budget.warmupMs);
  const rounds = new Map<ContenderName, number[]>(contenders.map(([name]) => [name, []]));
  for (let round = 0; round < budget.rounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const [name, run] = contenders[(i + round) % contenders.length]!;
      const stats = await measure(run, {
        min_cpu_time: budget.roundMs * 1e6,
        min_samples: 8,
        batch_samples: 256,
        batch_unroll: 1,
        gc: gc ?? false,
        ...(clock === 'cpu' ? { now: cpuNow } : {}),
      });
      rounds.get(name)!.push(stats.p50);
    }
  }
  const out = new Map<ContenderName, Measured>();
  for (const [name, values] of rounds) {
    const nsPerOp = median(values);
    out.set(name, { nsPerOp, opsPerSec: 1e9 / nsPerOp, rounds: values });
  }
  return out;
}
