import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureCode, runBytes } from './hardening-io.ts';

describe('sandbox --write-config', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qqwxpay-write-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs the sandbox command until its summary is out; SIGTERM stops it. */
  async function runUntilStarted(path: string): Promise<{ code: number; stderr: string }> {
    const running = runBytes(['sandbox', '--quiet', '--write-config', path]);
    const stop = setInterval(() => {
      process.emit('SIGTERM');
    }, 50);
    try {
      const result = await running;
      return { code: result.code, stderr: result.stderr };
    } finally {
      clearInterval(stop);
    }
  }

  it('an existing 0644 file ends with mode 0600 once secrets are in it', async () => {
    const path = join(dir, 'existing.json');
    await writeFile(path, '{}\n', { mode: 0o644 });
    expect((await stat(path)).mode & 0o777).toBe(0o644);
    const result = await runUntilStarted(path);
    expect(result).toEqual({ code: 0, stderr: '' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['existing.json']);
  });

  it('a directory is a usage error (exit 2), not an internal one', async () => {
    const path = join(dir, 'a-directory');
    await mkdir(path);
    const result = await runUntilStarted(path);
    expect(result.code).toBe(2);
    expect(failureCode({ stdout: '', stderr: result.stderr })).toBe('ERR_CLI_USAGE');
    expect(result.stderr).toMatch(/--write-config/);
  });

  it('a path in a missing directory is a usage error (exit 2)', async () => {
    const result = await runUntilStarted(join(dir, 'missing', 'config.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^qqwxpay: ERR_CLI_USAGE: cannot write the --write-config/);
  });
});
