import { describe, expect, it } from 'vitest';
import type { LeaseStore } from '../../src/stores/lease-store.ts';

/** The behaviour every LeaseStore shares, run against the memory and the Redis store. */
export function leaseStoreContract(name: string, make: () => LeaseStore): void {
  describe(`${name} behaves as a LeaseStore`, () => {
    it('gets what was set and nothing for an unknown key', async () => {
      const store = make();
      await store.set('a', '1', 60_000);
      expect(await store.get('a')).toBe('1');
      expect(await store.get('missing')).toBeUndefined();
    });

    it('setIfAbsent stores only once', async () => {
      const store = make();
      expect(await store.setIfAbsent('k', 'first', 60_000)).toBe(true);
      expect(await store.setIfAbsent('k', 'second', 60_000)).toBe(false);
      expect(await store.get('k')).toBe('first');
    });

    it('concurrent setIfAbsent calls elect exactly one winner', async () => {
      const store = make();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.setIfAbsent('race', `v${i}`, 60_000)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('compareAndDelete deletes only the expected value', async () => {
      const store = make();
      await store.set('lease', 'mine', 60_000);
      expect(await store.compareAndDelete('lease', 'theirs')).toBe(false);
      expect(await store.get('lease')).toBe('mine');
      expect(await store.compareAndDelete('lease', 'mine')).toBe(true);
      expect(await store.get('lease')).toBeUndefined();
      expect(await store.compareAndDelete('lease', 'mine')).toBe(false);
    });

    it('delete removes and set replaces', async () => {
      const store = make();
      await store.set('x', 'one', 60_000);
      await store.set('x', 'two', 60_000);
      expect(await store.get('x')).toBe('two');
      await store.delete('x');
      expect(await store.get('x')).toBeUndefined();
    });

    it('refuses a ttl that is not a positive finite number, naming it', async () => {
      const store = make();
      await expect(store.set('x', 'v', 0)).rejects.toThrow(RangeError);
      await expect(store.setIfAbsent('x', 'v', Number.NaN)).rejects.toThrow(/ttlMs/);
      await expect(store.set('x', 'v', Number.POSITIVE_INFINITY)).rejects.toThrow(/ttlMs/);
    });

    it('takes a fractional ttl, as the token cache may compute one, rounded up', async () => {
      const store = make();
      expect(await store.setIfAbsent('frac', 'v', 1_500.5)).toBe(true);
      expect(await store.get('frac')).toBe('v');
    });
  });
}
