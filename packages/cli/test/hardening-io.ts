import { join } from 'node:path';
import { type CliIo, main } from '../src/index.ts';

/** The contract checker's key files. */
export const keyFile = (name: string): string =>
  join(import.meta.dirname, '../../../../shared/contract-check/keys', name);

/** A 32-character V2 API key. */
export const V2_KEY = 'abcdefghijklmnopqrstuvwxyz012345';

/** Runs the CLI in process with `stdin` as raw bytes (or UTF-8 text) and buffers for output. */
export async function runBytes(
  argv: readonly string[],
  stdin: Uint8Array | string = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const bytes = typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin;
  const io: CliIo = {
    readStdin: async () => bytes,
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

/** The one stderr line's code, checking that the failure printed nothing else. */
export function failureCode(result: { stdout: string; stderr: string }): string {
  const match = /^qqwxpay: ([A-Z0-9_]+): [^\n]+\n$/.exec(result.stderr);
  if (result.stdout !== '' || !match) throw new Error(`not a contract failure: ${result.stderr}`);
  return match[1]!;
}
