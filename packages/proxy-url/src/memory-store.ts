import { checkTtl, type KeyValueStore } from './key-value-store.ts';

/** Options of {@link MemoryStore}. */
export interface MemoryStoreOptions {
  /** The most entries kept; the oldest goes first when full. 10,000 by default. */
  maxEntries?: number;
  /** The clock in milliseconds; `Date.now` by default. */
  now?: () => number;
}

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * A {@link KeyValueStore} in this process's memory, bounded: when full it drops expired
 * entries, then the oldest. Shared by nothing outside the process.
 *
 * @example
 * ```ts
 * const store = new MemoryStore({ maxEntries: 1000 });
 * await store.setIfAbsent('notify:4200001234', '1', 86_400_000); // true the first time
 * ```
 */
export class MemoryStore implements KeyValueStore {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  /**
   * @param options - the size bound and the clock
   * @throws RangeError when `maxEntries` is not a positive integer
   */
  constructor(options: MemoryStoreOptions = {}) {
    const maxEntries = options.maxEntries ?? 10_000;
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`maxEntries must be a positive integer, got ${String(maxEntries)}`);
    }
    this.#maxEntries = maxEntries;
    this.#now = options.now ?? Date.now;
  }

  /** How many entries are held, expired ones included until they are swept. */
  get size(): number {
    return this.#entries.size;
  }

  /** @inheritdoc */
  async get(key: string): Promise<string | undefined> {
    return this.#live(key)?.value;
  }

  /** @inheritdoc */
  async set(key: string, value: string, ttlMs: number): Promise<void> {
    checkTtl(ttlMs);
    this.#put(key, value, ttlMs);
  }

  /** @inheritdoc */
  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    checkTtl(ttlMs);
    if (this.#live(key) !== undefined) return false;
    this.#put(key, value, ttlMs);
    return true;
  }

  /** @inheritdoc */
  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #put(key: string, value: string, ttlMs: number): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.#maxEntries) this.#sweep();
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs });
  }

  #sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(key);
    }
  }
}
