import { allRunners } from './contenders/index.ts';
import { makeFixtures } from './fixtures.ts';
import type { ContenderName, OperationId } from './model.ts';

// Runs one contender of one operation in a loop, for a CPU profile:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --conditions=@qqwxpay/source --import tsx \
//     src/profile.ts 'V2 sign MD5' qqwxpay 3000

const [operation, contender = 'qqwxpay', ms = '3000'] = process.argv.slice(2);
const runner = allRunners(makeFixtures()).get(contender as ContenderName)?.[
  operation as OperationId
];
if (runner === undefined) {
  process.stderr.write(`no runner for ${operation} / ${contender}\n`);
  process.exit(2);
}
const until = performance.now() + Number(ms);
let calls = 0;
while (performance.now() < until) {
  for (let i = 0; i < 100; i++) {
    const result = runner.run();
    if (result instanceof Promise) await result;
  }
  calls += 100;
}
process.stdout.write(
  `${operation} / ${contender}: ${Math.round((calls * 1000) / Number(ms))} calls/s\n`,
);
