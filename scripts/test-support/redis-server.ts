import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Test support shared by the suites that need a real Redis (notify-verify, security).

/** A redis-server this test run started on a unix socket in a temporary folder. */
export interface RedisServer {
  socket: string;
  stop(): Promise<void>;
}

/** Whether redis-server can be run here. */
export function redisInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Whether the Redis suites run: always in CI (where a missing redis-server fails them), and
 * locally when redis-server is installed.
 */
export const runRedisSuites: boolean = Boolean(process.env.CI) || redisInstalled();

/** Starts redis-server listening only on a fresh unix socket, without persistence. */
export async function startRedis(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'qqwxpay-redis-'));
  const socket = join(dir, 'redis.sock');
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', '0', '--unixsocket', socket, '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const exited = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  await Promise.race([waitForSocket(socket), exited]);
  exited.catch(() => undefined);
  return {
    socket,
    async stop() {
      if (child.exitCode === null) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForSocket(path: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const ready = await new Promise<boolean>((resolve) => {
      const conn = connect(path, () => {
        conn.end();
        resolve(true);
      });
      conn.once('error', () => resolve(false));
    });
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('redis-server did not open its socket');
}
