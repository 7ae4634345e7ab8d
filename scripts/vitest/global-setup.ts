import type { TestProject } from 'vitest/node';

/** Picks the fast-check seed once per run (or takes FC_SEED) and prints it so a failure replays. */
export default function setup(project: TestProject): void {
  const fromEnv = Number.parseInt(process.env.FC_SEED ?? '', 10);
  const seed = Number.isSafeInteger(fromEnv)
    ? fromEnv
    : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  process.stdout.write(`fast-check seed ${seed} (replay with FC_SEED=${seed})\n`);
  project.provide('fcSeed', seed);
}

declare module 'vitest' {
  export interface ProvidedContext {
    fcSeed: number;
  }
}
