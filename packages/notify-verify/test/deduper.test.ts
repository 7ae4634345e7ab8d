import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RedisServer,
  runRedisSuites,
  startRedis,
} from '../../../scripts/test-support/redis-server.ts';
import { Deduper } from '../src/deduper.ts';
import { NotifyError } from '../src/errors.ts';
import type { LeaseStore } from '../src/stores/lease-store.ts';
import { MemoryLeaseStore } from '../src/stores/memory-lease-store.ts';
import { RedisStore } from '../src/stores/redis-store.ts';

function deduperBehaviour(name: string, makeStore: () => LeaseStore): void {
  describe(`Deduper on ${name}`, () => {
    it('runs the handler once for sequential duplicates', async () => {
      const deduper = new Deduper(makeStore());
      let runs = 0;
      const first = await deduper.run('EV-1', () => ++runs);
      const second = await deduper.run('EV-1', () => ++runs);
      expect(first).toEqual({ status: 'handled', value: 1, remembered: true });
      expect(second).toEqual({ status: 'duplicate' });
      expect(runs).toBe(1);
    });

    it('runs the handler once for concurrent duplicates; the others are told it is in progress', async () => {
      const deduper = new Deduper(makeStore());
      let runs = 0;
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let settled = 0;
      let allOthersSettled: () => void = () => undefined;
      const othersDone = new Promise<void>((resolve) => {
        allOthersSettled = resolve;
      });
      const deliveries = Array.from({ length: 10 }, () =>
        deduper
          .run('EV-2', async () => {
            runs += 1;
            await gate;
          })
          .finally(() => {
            settled += 1;
            if (settled === 9) allOthersSettled();
          }),
      );
      await othersDone;
      release();
      const outcomes = await Promise.all(deliveries);
      expect(runs).toBe(1);
      expect(outcomes.filter((o) => o.status === 'handled')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'in-progress')).toHaveLength(9);
      expect(await deduper.run('EV-2', () => runs++)).toEqual({ status: 'duplicate' });
    });

    it('a handler that throws gets its event retried, not lost', async () => {
      const deduper = new Deduper(makeStore());
      const failure = new Error('database down');
      await expect(
        deduper.run('EV-3', () => {
          throw failure;
        }),
      ).rejects.toBe(failure);
      let runs = 0;
      const retry = await deduper.run('EV-3', () => ++runs);
      expect(retry.status).toBe('handled');
      expect(runs).toBe(1);
    });

    it('keeps different events apart', async () => {
      const deduper = new Deduper(makeStore());
      const a = await deduper.run('EV-a', () => 'a');
      const b = await deduper.run('EV-b', () => 'b');
      expect([a.status, b.status]).toEqual(['handled', 'handled']);
    });
  });
}

deduperBehaviour('MemoryLeaseStore', () => new MemoryLeaseStore());

let server: RedisServer;
let client: Redis;
let counter = 0;
describe.runIf(runRedisSuites)('with a real redis-server', () => {
  beforeAll(async () => {
    server = await startRedis();
    client = new Redis({ path: server.socket });
  });
  afterAll(async () => {
    await client?.quit();
    await server?.stop();
  });
  deduperBehaviour('RedisStore', () => {
    counter += 1;
    return new RedisStore(client, { prefix: `dedupe-${counter}:` });
  });
});

describe('Deduper failures', () => {
  it('a store that cannot claim stops the handler from running', async () => {
    const store = new MemoryLeaseStore();
    store.setIfAbsent = () => Promise.reject(new Error('connection refused'));
    const deduper = new Deduper(store);
    let ran = false;
    const error = await deduper
      .run('EV-4', () => {
        ran = true;
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotifyError);
    expect((error as NotifyError).code).toBe('ERR_NOTIFY_STORE_FAILED');
    expect(ran).toBe(false);
  });

  it('an expired lease lets a retry run, and the late failure does not release the new claim', async () => {
    let now = 0;
    const store = new MemoryLeaseStore({ now: () => now });
    const deduper = new Deduper(store, { leaseMs: 100 });
    let secondRan = false;
    const first = deduper.run('EV-5', async () => {
      now = 1_000;
      expect(await deduper.run('EV-5', () => (secondRan = true))).toMatchObject({
        status: 'handled',
      });
      throw new Error('late failure');
    });
    await expect(first).rejects.toThrow('late failure');
    expect(secondRan).toBe(true);
    expect(await deduper.run('EV-5', () => 'again')).toEqual({ status: 'duplicate' });
  });

  it('reports a handled event it could not remember', async () => {
    const store = new MemoryLeaseStore();
    store.set = () => Promise.reject(new Error('read only'));
    const outcome = await new Deduper(store).run('EV-6', () => 'ok');
    expect(outcome).toEqual({ status: 'handled', value: 'ok', remembered: false });
  });

  it('refuses a store without compareAndDelete and bad durations', () => {
    const { compareAndDelete: _, ...partial } = new MemoryLeaseStore();
    expect(() => new Deduper(partial as unknown as LeaseStore)).toThrow(TypeError);
    expect(() => new Deduper(new MemoryLeaseStore(), { leaseMs: -1 })).toThrow(/leaseMs/);
  });
});

describe('Deduper rules', () => {
  it('property: over any sequence of deliveries, each event succeeds once and a failure is retried', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.boolean()), { maxLength: 40 }),
        async (deliveries) => {
          const deduper = new Deduper(new MemoryLeaseStore());
          const succeeded = new Map<string, number>();
          for (const [key, fails] of deliveries) {
            const before = succeeded.get(key) ?? 0;
            let ran = false;
            const outcome = await deduper
              .run(key, () => {
                ran = true;
                if (fails) throw new Error('fails');
                succeeded.set(key, before + 1);
              })
              .catch(() => ({ status: 'failed' as const }));
            // the handler runs exactly when the event has not yet succeeded
            if (ran !== (before === 0)) return false;
            if (!ran && outcome.status !== 'duplicate') return false;
          }
          return [...succeeded.values()].every((count) => count === 1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
