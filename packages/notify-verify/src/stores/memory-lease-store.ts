import { checkString, checkTtl, type LeaseStore } from './lease-store.ts';

/** Options for {@link MemoryLeaseStore}. */
export interface MemoryLeaseStoreOptions {
  /** The most keys held at once; the oldest are dropped beyond it. Default 10,000. */
  maxEntries?: number;
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: () => number;
}

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * A bounded in-process {@link LeaseStore}: enough for one process, lost on restart.
 *
 * When full it first drops expired keys, then the oldest ones; a dropped dedupe record means a
 * retried callback may be handled again, so size it above the callbacks expected per TTL. Use
 * {@link RedisStore} when several processes take callbacks.
 *
 * @example
 * ```ts
 * const deduper = new Deduper(new MemoryLeaseStore({ maxEntries: 50_000 }));
 * ```
 */
export class MemoryLeaseStore implements LeaseStore {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  /**
   * @param options - capacity and clock
   * @throws RangeError when `maxEntries` is not a positive integer
   */
  constructor(options: MemoryLeaseStoreOptions = {}) {
    const maxEntries = options.maxEntries ?? 10_000;
    if (!Number.isSafeInteger(maxEntries) || maxEntries <= 0) {
      throw new RangeError(`maxEntries: expected a positive integer, got ${maxEntries}`);
    }
    this.#maxEntries = maxEntries;
    this.#now = options.now ?? Date.now;
  }

  /** The number of keys held, expired ones included until they are swept. */
  get size(): number {
    return this.#entries.size;
  }

  async get(key: string): Promise<string | undefined> {
    return this.#live(checkString(key, 'key'))?.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.#put(checkString(key, 'key'), checkString(value, 'value'), checkTtl(ttlMs, 'ttlMs'));
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    checkString(key, 'key');
    checkString(value, 'value');
    const ttl = checkTtl(ttlMs, 'ttlMs');
    if (this.#live(key)) return false;
    this.#put(key, value, ttl);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(checkString(key, 'key'));
  }

  async compareAndDelete(key: string, expected: string): Promise<boolean> {
    const entry = this.#live(checkString(key, 'key'));
    if (!entry || entry.value !== expected) return false;
    this.#entries.delete(key);
    return true;
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #put(key: string, value: string, ttlMs: number): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.#maxEntries) this.#makeRoom();
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs });
  }

  #makeRoom(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(key);
    }
    for (const key of this.#entries.keys()) {
      if (this.#entries.size < this.#maxEntries) break;
      this.#entries.delete(key);
    }
  }
}
