import { readFile } from 'node:fs/promises';
import { parseStrictJsonObject } from './json-input.ts';
import { UsageError } from './usage-error.ts';

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
  stdout: writeStdout,
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

let stdoutClosed = false;
let watchingStdout = false;

/**
 * Writes to the process's standard output. When the reader has gone (EPIPE, as in
 * `qqwxpay demo | head -1`), further output is dropped quietly and the command's own exit
 * status stands; any other failure of the stream is one ERR_CLI_INTERNAL line and status 70.
 */
function writeStdout(text: string): void {
  if (!watchingStdout) {
    watchingStdout = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      stdoutClosed = true;
      if (error.code === 'EPIPE') return;
      process.stderr.write(`qqwxpay: ERR_CLI_INTERNAL: standard output failed (${error.code})\n`);
      process.exitCode = 70;
    });
  }
  if (!stdoutClosed) process.stdout.write(text);
}

/** Reads `--body-file`: `-` is standard input, anything else a path; absent means empty. */
export async function readBodyFile(io: CliIo, path: string | undefined): Promise<Uint8Array> {
  if (path === undefined) return new Uint8Array();
  if (path === '-') return io.readStdin();
  return readFile(path);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 strictly: bytes that are not UTF-8 are refused, never replaced. */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UsageError(`${what} is not valid UTF-8`, 'ERR_CLI_INPUT_NOT_UTF8');
  }
}

/** Reads standard input as UTF-8 text, exactly (a byte order mark is kept). */
export async function readStdinText(io: CliIo): Promise<string> {
  return decodeUtf8(await io.readStdin(), 'standard input');
}

/** Reads standard input as one line: one trailing LF or CRLF is dropped, nothing else. */
export async function readStdinLine(io: CliIo): Promise<string> {
  return (await readStdinText(io)).replace(/\r?\n$/, '');
}

/** Reads standard input as one JSON object, strictly (see {@link parseStrictJsonObject}). */
export async function readStdinJsonObject(io: CliIo): Promise<Record<string, unknown>> {
  return parseStrictJsonObject(await readStdinText(io), 'standard input');
}
