import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The shared contract sample, run the way outside checks run it: the built bin in a child
// process, arguments and standard input as given, exit status and output compared.
const contractDir = join(import.meta.dirname, '../../../../shared/contract-check');
const bin = join(import.meta.dirname, '../bin/qqwxpay.js');

interface ContractCase {
  name: string;
  argv: string[];
  stdin: string;
  exit: number;
  stdout?: string;
  json_subset?: Record<string, unknown>;
  authorization?: Record<string, string>;
}

const cases: ContractCase[] = existsSync(contractDir)
  ? JSON.parse(readFileSync(join(contractDir, 'cases.json'), 'utf8')).cases
  : [];

describe('the shared CLI contract sample, through the built bin', () => {
  it('is present beside the repository when CI runs', () => {
    if (process.env.CI) expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const argv = c.argv.map((a) => (a.startsWith('@keys/') ? join(contractDir, a.slice(1)) : a));
    const run = spawnSync(process.execPath, [bin, ...argv], { input: c.stdin, timeout: 30_000 });
    const stdout = run.stdout.toString('utf8');
    const stderr = run.stderr.toString('utf8');

    expect({ status: run.status, stderr: c.exit === 0 ? stderr : '' }).toEqual({
      status: c.exit,
      stderr: '',
    });
    if (c.exit !== 0) {
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^qqwxpay: ERR_[A-Z0-9_]+: .+\n$/);
      return;
    }
    // `v3 verify` prints nothing on success; everything else prints one line or document.
    if (stdout !== '') expect(stdout.endsWith('\n')).toBe(true);
    if (c.stdout !== undefined) expect(stdout.slice(0, -1)).toBe(c.stdout);
    if (c.json_subset) expect(JSON.parse(stdout)).toMatchObject(c.json_subset);
    if (c.authorization) {
      const [scheme, rest = ''] = stdout.trim().split(' ', 2);
      expect(scheme).toBe('WECHATPAY2-SHA256-RSA2048');
      const attrs = Object.fromEntries(
        [...rest.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
      );
      expect(attrs).toMatchObject(c.authorization);
    }
  });
});
