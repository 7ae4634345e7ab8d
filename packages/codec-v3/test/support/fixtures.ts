import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = import.meta.dirname;

/** Bytes of a file in test/fixtures (made by fixtures/make-fixtures.sh). */
export function fixture(name: string): Buffer {
  return readFileSync(join(here, '..', 'fixtures', name));
}

/** Bytes of a file in the shared vectors or contract-check folders. */
export function shared(path: string): Buffer {
  return readFileSync(join(here, '..', '..', '..', '..', '..', 'shared', path));
}

/** Parsed JSON of a Wycheproof vector file. */
export function wycheproof<T>(name: string): T {
  return JSON.parse(shared(`vectors/wycheproof/${name}.json`).toString('utf8')) as T;
}

/**
 * Runs the openssl CLI with files written to a fresh temporary folder; `{name}` in an argument
 * is replaced by that file's path. Returns stdout, the exit status, and the file `outputFile`.
 */
export function openssl(
  args: readonly string[],
  files: Record<string, string | Uint8Array> = {},
  input?: Uint8Array,
  outputFile?: string,
): { stdout: Buffer; status: number; output?: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'codec-v3-openssl-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const resolved = args.map((arg) => arg.replace(/\{(\w[\w.]*)\}/g, (_, n) => join(dir, n)));
    const result = spawnSync('openssl', resolved, { input, maxBuffer: 1 << 20 });
    const status = result.status ?? -1;
    if (outputFile === undefined || status !== 0) return { stdout: result.stdout, status };
    return { stdout: result.stdout, status, output: readFileSync(join(dir, outputFile)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
