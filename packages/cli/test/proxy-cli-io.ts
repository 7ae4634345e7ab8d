import { runBytes } from './hardening-io.ts';

/** Runs the CLI in process with `stdin` as UTF-8 text and buffers for its streams. */
export function run(
  argv: readonly string[],
  stdin = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  return runBytes(argv, stdin);
}
