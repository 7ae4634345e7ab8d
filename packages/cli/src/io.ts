import { readFile } from 'node:fs/promises';

/** Where a command reads and writes; the real process in the bin, buffers in tests. */
export interface CliIo {
  /** Resolves to all of standard input. */
  readStdin(): Promise<Uint8Array>;
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** The environment (for `NO_COLOR` and the like). */
  env: Record<string, string | undefined>;
}

/** The process's own standard streams. */
export const processIo: CliIo = {
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

/** Reads `--body-file`: `-` is standard input, anything else a path; absent means empty. */
export async function readBodyFile(io: CliIo, path: string | undefined): Promise<Uint8Array> {
  if (path === undefined) return new Uint8Array();
  if (path === '-') return io.readStdin();
  return readFile(path);
}

/** Reads standard input as UTF-8 text. */
export async function readStdinText(io: CliIo): Promise<string> {
  return Buffer.from(await io.readStdin()).toString('utf8');
}
