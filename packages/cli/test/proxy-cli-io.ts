import { type CliIo, main } from '../src/index.ts';

/** Runs the CLI in process with buffers for its streams. */
export async function run(
  argv: readonly string[],
  stdin = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readStdin: async () => new TextEncoder().encode(stdin),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
