/**
 * A small key-value store with expiry, shared by the token cache here and by callback
 * deduplication elsewhere. Values are strings; `ttlMs` is a positive number of milliseconds.
 * Implementations: {@link MemoryStore} (one process) and a Redis store (several processes).
 */
export interface KeyValueStore {
  /** The value under `key`, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` under `key` for `ttlMs` milliseconds, replacing any value. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Stores `value` only when `key` holds nothing; resolves to whether it did. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Removes `key`. */
  delete(key: string): Promise<void>;
}

/**
 * Checks a time-to-live argument: a positive finite number of milliseconds.
 *
 * @param ttlMs - the candidate time to live
 * @throws RangeError naming `ttlMs` when it is not positive and finite
 * @example
 * ```ts
 * checkTtl(60_000);
 * ```
 */
export function checkTtl(ttlMs: number): void {
  if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`ttlMs must be a positive number of milliseconds, got ${String(ttlMs)}`);
  }
}
