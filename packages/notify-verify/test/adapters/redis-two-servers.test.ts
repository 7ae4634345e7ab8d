import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RedisServer,
  runRedisSuites,
  startRedis,
} from '../../../../scripts/test-support/redis-server.ts';
import { API_V3_KEY, NOW, v3Callback } from '../support/callbacks.ts';
import { type PlatformKey, publicKeyModeKey } from '../support/keys.ts';

let redis: RedisServer;
let client: Redis;
let key: PlatformKey;
const children: ChildProcess[] = [];
const urls: string[] = [];

describe.runIf(runRedisSuites)('two merchant processes sharing Redis', () => {
  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis({ path: redis.socket });
    key = publicKeyModeKey();
    const worker = join(import.meta.dirname, '../support/notify-server-worker.ts');
    for (let i = 0; i < 2; i += 1) {
      const child = fork(worker, [], {
        execArgv: ['--conditions=@qqwxpay/source', '--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      children.push(child);
      const port = new Promise<number>((resolve, reject) => {
        child.once('message', (m) => resolve((m as { port: number }).port));
        child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
      });
      child.send({
        socket: redis.socket,
        apiV3Key: API_V3_KEY,
        serial: key.serial,
        publicKeyPem: key.pem,
        now: NOW,
      });
      urls.push(`http://127.0.0.1:${await port}/notify`);
    }
  });

  afterAll(async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.send('stop');
          }),
      ),
    );
    await client?.quit();
    await redis?.stop();
  });

  it('never both run the handler for one event, and the retries after it are acknowledged', async () => {
    const events = Array.from({ length: 10 }, (_, i) => v3Callback(key, { id: `EV-two-${i}` }));
    const deliveries = events.flatMap((callback) =>
      [0, 1, 0, 1].map((server) =>
        fetch(urls[server] as string, {
          method: 'POST',
          body: callback.body,
          headers: callback.headers,
        }).then((response) => response.status),
      ),
    );
    const statuses = await Promise.all(deliveries);
    expect(statuses.every((status) => status === 204 || status === 503)).toBe(true);

    const ran = (await client.lrange('two-servers:ran', 0, -1)).map((line) => line.split(' ')[0]);
    expect(ran.sort()).toEqual(events.map((_, i) => `EV-two-${i}`).sort());

    for (const callback of events) {
      for (const url of urls) {
        const retry = await fetch(url, {
          method: 'POST',
          body: callback.body,
          headers: callback.headers,
        });
        expect(retry.status).toBe(204);
      }
    }
    expect(await client.llen('two-servers:ran')).toBe(events.length);
  });
});
