import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { allRunners } from './contenders/index.ts';
import { makeFixtures } from './fixtures.ts';
import { gate } from './gate.ts';
import { type Budget, type Clock, FULL, QUICK, timeOperation } from './harness.ts';
import { type ContenderName, type GateResult, OURS, RAW } from './model.ts';
import { makeOperations } from './operations.ts';
import { markdownTable, type Results, toJson } from './report.ts';

const started = performance.now();
const loadBefore = loadavg()[0] ?? 0;
const clock: Clock = process.argv.includes('--clock=wall') ? 'wall' : 'cpu';
// On a machine so busy that the full budget would pass a minute and a half, the rest runs short.
const budgetAt = (elapsedMs: number): Budget =>
  process.argv.includes('--quick') || elapsedMs > 90_000 ? QUICK : FULL;
const fixtures = makeFixtures();
const operations = makeOperations(fixtures);
const contenders = allRunners(fixtures);
const gates: GateResult[] = [];
const results: Results = new Map();

for (const operation of operations) {
  const timed: Array<readonly [ContenderName, () => unknown]> = [];
  for (const [name, runners] of contenders) {
    const runner = runners[operation.id];
    if (runner === undefined) continue;
    const result = await gate(operation, name, runner);
    gates.push(result);
    if (result.passed) timed.push([name, runner.run]);
  }
  const budget = budgetAt(performance.now() - started);
  if (timed.length > 0) results.set(operation.id, await timeOperation(timed, budget, clock));
  process.stderr.write(`timed ${operation.id} (${timed.length} contenders)\n`);
}

const table = markdownTable(operations, results, gates);
const failed = gates.filter((g) => !g.passed);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`;
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const notes = failed.map((g) => `- ${g.contender}, ${g.operation}: ${g.reason}`);
const clockText = clock === 'cpu' ? 'ops per CPU-second' : 'ops per wall-clock second';
const load = `load average ${loadBefore.toFixed(1)} at start, ${(loadavg()[0] ?? 0).toFixed(1)} at end`;
const text = [
  `${when} UTC, Node ${process.version}, ${machine}; ${clockText}, median of per-round medians; ${load}`,
  '',
  table,
  '',
  failed.length > 0
    ? 'Left out of the timing (failed the correctness gate):'
    : 'Every contender passed its gate.',
  ...notes,
].join('\n');
process.stdout.write(`${text}\n`);

const dir = join(import.meta.dirname, '..', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(toJson(results), null, 2)}\n`);
writeFileSync(join(dir, 'latest.md'), `${text}\n`);
process.stderr.write(`done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

if (failed.some((g) => g.contender === RAW || g.contender === OURS)) process.exitCode = 1;
