import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A redis-server started here, listening only on a unix socket in a fresh folder. */
export interface RedisServer {
  socket: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts redis-server with no TCP port and no persistence, and waits for its socket. */
export async function startRedis(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'qqwxpay-security-redis-'));
  const socket = join(dir, 'redis.sock');
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', '0', '--unixsocket', socket, '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const failed = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  await Promise.race([socketReady(socket), failed]);
  failed.catch(() => undefined);
  return {
    socket,
    pid: child.pid ?? -1,
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

async function socketReady(path: string): Promise<void> {
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
