import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../bin/qqwxpay.js');
const built = existsSync(join(import.meta.dirname, '../dist/index.js'));

/** Runs `node bin ARGS | head -c 1 >/dev/null` in bash: the CLI's status and its stderr. */
function pipedToHead(args: string): { status: string; stderr: string } {
  const script = `node ${JSON.stringify(bin)} ${args} 2>"$ERR" | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"; cat "$ERR"`;
  const errFile = join(import.meta.dirname, `.stderr-${process.pid}.txt`);
  const result = spawnSync('bash', ['-c', `${script}; rm -f "$ERR"`], {
    env: { ...process.env, ERR: errFile },
    encoding: 'utf8',
  });
  const [status = '', ...rest] = result.stdout.split('\n');
  return { status, stderr: rest.join('\n') };
}

describe.skipIf(!built)('a reader that closes standard output early (EPIPE)', () => {
  it('demo | head: no stack on stderr, the status the demo would have had', () => {
    const { status, stderr } = pipedToHead('demo');
    expect(stderr).toBe('');
    expect(status).toBe('0');
  });

  it('help | head: exit 0, nothing on stderr', () => {
    const { status, stderr } = pipedToHead('help');
    expect(stderr).toBe('');
    expect(status).toBe('0');
  });
});
