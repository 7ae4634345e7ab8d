import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../src/index.ts';

function clock(start = 1_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

describe('MemoryStore', () => {
  it('gets what was set until the time to live runs out', async () => {
    const c = clock();
    const store = new MemoryStore({ now: c.now });
    await store.set('k', 'v', 100);
    expect(await store.get('k')).toBe('v');
    c.advance(99);
    expect(await store.get('k')).toBe('v');
    c.advance(1);
    expect(await store.get('k')).toBeUndefined();
  });

  it('sets only when absent or expired', async () => {
    const c = clock();
    const store = new MemoryStore({ now: c.now });
    expect(await store.setIfAbsent('k', 'first', 50)).toBe(true);
    expect(await store.setIfAbsent('k', 'second', 50)).toBe(false);
    expect(await store.get('k')).toBe('first');
    c.advance(50);
    expect(await store.setIfAbsent('k', 'third', 50)).toBe(true);
    expect(await store.get('k')).toBe('third');
  });

  it('deletes', async () => {
    const store = new MemoryStore();
    await store.set('k', 'v', 1000);
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
  });

  it('stays within its bound: expired entries go first, then the oldest', async () => {
    const c = clock();
    const store = new MemoryStore({ maxEntries: 3, now: c.now });
    await store.set('short', '1', 10);
    await store.set('a', '2', 1000);
    await store.set('b', '3', 1000);
    c.advance(10);
    await store.set('c', '4', 1000);
    expect(store.size).toBe(3);
    expect(await store.get('a')).toBe('2');
    await store.set('d', '5', 1000);
    expect(store.size).toBe(3);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('d')).toBe('5');
  });

  it('refuses a bad time to live or bound', async () => {
    const store = new MemoryStore();
    await expect(store.set('k', 'v', 0)).rejects.toThrow(RangeError);
    await expect(store.setIfAbsent('k', 'v', Number.NaN)).rejects.toThrow(/ttlMs/);
    expect(() => new MemoryStore({ maxEntries: 0 })).toThrow(/maxEntries/);
  });
});
