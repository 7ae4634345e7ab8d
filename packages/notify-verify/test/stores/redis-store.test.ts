import { fork } from 'node:child_process';
import { join } from 'node:path';
import { TokenCache } from '@qqwxpay/proxy-url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RedisServer,
  runRedisSuites,
  startRedis,
} from '../../../../scripts/test-support/redis-server.ts';
import { RedisStore } from '../../src/stores/redis-store.ts';
import { leaseStoreContract } from '../support/lease-store-contract.ts';

let server: RedisServer;
let client: Redis;
let prefixCounter = 0;

describe.runIf(runRedisSuites)('RedisStore against a real redis-server', () => {
  beforeAll(async () => {
    server = await startRedis();
    client = new Redis({ path: server.socket });
  });

  afterAll(async () => {
    await client?.quit();
    await server?.stop();
  });

  leaseStoreContract('RedisStore', () => {
    prefixCounter += 1;
    return new RedisStore(client, { prefix: `contract-${prefixCounter}:` });
  });

  it('sets the expiry in milliseconds with the key prefixed', async () => {
    const store = new RedisStore(client, { prefix: 'ttl:' });
    expect(await store.setIfAbsent('k', 'v', 5_000)).toBe(true);
    const ttl = await client.pttl('ttl:k');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5_000);
  });

  it('an expired lease taken by another holder is not deleted by the first', async () => {
    const store = new RedisStore(client, { prefix: 'cad:' });
    await store.set('ev', 'lease-b', 60_000);
    expect(await store.compareAndDelete('ev', 'lease-a')).toBe(false);
    expect(await store.get('ev')).toBe('lease-b');
  });

  it('two processes delivering the same events at once run each handler exactly once', async () => {
    const events = 40;
    const worker = join(import.meta.dirname, '../support/dedupe-worker.ts');
    const children = [0, 1].map(() =>
      fork(worker, [server.socket, String(events), '3', 'two-process:'], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      }),
    );
    const ready = children.map(
      (child) =>
        new Promise((resolve, reject) => {
          child.once('message', resolve);
          child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
        }),
    );
    await Promise.all(ready);
    const reports = children.map(
      (child) =>
        new Promise<{ ran: string[] }>((resolve) => {
          child.once('message', (message) => resolve(message as { ran: string[] }));
        }),
    );
    for (const child of children) child.send('go');
    const [a, b] = await Promise.all(reports);

    const all = [...(a?.ran ?? []), ...(b?.ran ?? [])].sort();
    const expected = Array.from({ length: events }, (_, i) => `EV-${i}`).sort();
    expect(all).toEqual(expected);
  });

  it("serves proxy-url's TokenCache: a second cache on the same Redis reuses the token", async () => {
    const store = new RedisStore(client, { prefix: 'tokens:' });
    let fetched = 0;
    const fetchToken = async () => {
      fetched += 1;
      return { accessToken: `TOKEN-${fetched}`, expiresIn: 7_200 };
    };
    const first = new TokenCache({ appId: '1112223334', store, fetchToken });
    const second = new TokenCache({ appId: '1112223334', store, fetchToken });
    expect(await first.get()).toBe('TOKEN-1');
    expect(await second.get()).toBe('TOKEN-1');
    expect(fetched).toBe(1);
  });

  it('RedisStore fails loudly when redis is unreachable', async () => {
    const dead = new Redis({
      path: join(server.socket, '..', 'nothing.sock'),
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    dead.on('error', () => undefined);
    const store = new RedisStore(dead);
    await expect(store.setIfAbsent('k', 'v', 1_000)).rejects.toThrow();
    dead.disconnect();
  });
});
