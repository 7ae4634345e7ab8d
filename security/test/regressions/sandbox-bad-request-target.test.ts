import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('a request target WHATWG URL cannot parse', () => {
  it('still answers after GET http://[x]/', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--conditions=@qqwxpay/source',
        '--import',
        'tsx',
        join(import.meta.dirname, '..', 'support', 'sandbox-bad-target.ts'),
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.stdout).toMatch(/^alive \d+/);
    expect(run.status).toBe(0);
  });
});
