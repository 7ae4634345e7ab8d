import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryLeaseStore } from '../../src/stores/memory-lease-store.ts';
import { leaseStoreContract } from '../support/lease-store-contract.ts';

leaseStoreContract('MemoryLeaseStore', () => new MemoryLeaseStore());

describe('MemoryLeaseStore', () => {
  it('forgets a key once its ttl has passed', async () => {
    let now = 1_000;
    const store = new MemoryLeaseStore({ now: () => now });
    await store.setIfAbsent('lease', 'a', 500);
    now = 1_499;
    expect(await store.get('lease')).toBe('a');
    now = 1_500;
    expect(await store.get('lease')).toBeUndefined();
    expect(await store.setIfAbsent('lease', 'b', 500)).toBe(true);
  });

  it('an expired lease cannot be released by the one who lost it', async () => {
    let now = 0;
    const store = new MemoryLeaseStore({ now: () => now });
    await store.setIfAbsent('ev', 'lease-a', 100);
    now = 200;
    expect(await store.setIfAbsent('ev', 'lease-b', 100)).toBe(true);
    expect(await store.compareAndDelete('ev', 'lease-a')).toBe(false);
    expect(await store.get('ev')).toBe('lease-b');
  });

  it('never holds more than maxEntries keys, dropping expired ones first', async () => {
    let now = 0;
    const store = new MemoryLeaseStore({ maxEntries: 3, now: () => now });
    await store.set('short', '1', 10);
    await store.set('long-1', '1', 1_000);
    await store.set('long-2', '1', 1_000);
    now = 20;
    await store.set('long-3', '1', 1_000);
    expect(store.size).toBe(3);
    expect(await store.get('long-1')).toBe('1');
    await store.set('long-4', '1', 1_000);
    expect(store.size).toBe(3);
    expect(await store.get('long-1')).toBeUndefined();
  });

  it('property: size stays within the bound for any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 3 }), fc.nat(50)), {
          maxLength: 60,
        }),
        async (maxEntries, writes) => {
          let now = 0;
          const store = new MemoryLeaseStore({ maxEntries, now: () => now });
          for (const [key, advance] of writes) {
            now += advance;
            await store.setIfAbsent(key, 'v', 100);
            if (store.size > maxEntries) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a bad maxEntries naming it', () => {
    expect(() => new MemoryLeaseStore({ maxEntries: 0 })).toThrow(/maxEntries/);
  });
});
