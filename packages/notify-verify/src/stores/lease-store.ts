import type { KeyValueStore } from '@qqwxpay/proxy-url';

/**
 * A {@link KeyValueStore} that can also delete a key only while it still holds a given value,
 * atomically, so a lease that expired and was taken by another process is never released by
 * the one that lost it. The dedupe guard needs this; the token cache does not.
 */
export interface LeaseStore extends KeyValueStore {
  /**
   * Deletes `key` only if its current value is `expected`.
   *
   * @param key - the key
   * @param expected - the value the caller wrote
   * @returns whether the key was deleted
   */
  compareAndDelete(key: string, expected: string): Promise<boolean>;
}

/**
 * Checks a time-to-live argument and rounds it up to whole milliseconds (Redis takes integers).
 *
 * @param ttlMs - milliseconds, positive and finite
 * @param name - the parameter name for the message
 * @returns the time to live in whole milliseconds, at least 1
 * @throws RangeError when it is not a positive finite number
 * @example
 * ```ts
 * checkTtl(1_500.2, 'ttlMs'); // 1501
 * ```
 */
export function checkTtl(ttlMs: number, name: string): number {
  if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`${name}: expected a positive number of milliseconds, got ${ttlMs}`);
  }
  return Math.ceil(ttlMs);
}

/**
 * Checks a key or value argument.
 *
 * @param value - the argument
 * @param name - the parameter name for the message
 * @returns the same string
 * @throws TypeError when it is not a non-empty string
 * @example
 * ```ts
 * checkString('notify:abc', 'key');
 * ```
 */
export function checkString(value: string, name: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`${name}: expected a non-empty string, got ${typeof value}`);
  }
  return value;
}
