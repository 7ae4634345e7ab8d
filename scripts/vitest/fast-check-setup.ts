import fc from 'fast-check';
import { inject } from 'vitest';

const runs = Number.parseInt(process.env.FC_NUM_RUNS ?? '', 10);
fc.configureGlobal({
  seed: inject('fcSeed'),
  ...(Number.isSafeInteger(runs) && runs > 0 ? { numRuns: runs } : {}),
});
