import { checkString, checkTtl, type LeaseStore } from './lease-store.ts';

/**
 * The few commands {@link RedisStore} needs, as an ioredis client (`new Redis(url)`) offers
 * them. Described structurally so this package never loads ioredis itself.
 */
export interface RedisClientLike {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, mode: 'PX', ttlMs: number): Promise<unknown>;
  set(key: string, value: string, mode: 'PX', ttlMs: number, condition: 'NX'): Promise<unknown>;
  del(key: string): Promise<number>;
  eval(script: string, numKeys: number, ...args: string[]): Promise<unknown>;
}

/** Options for {@link RedisStore}. */
export interface RedisStoreOptions {
  /** Prepended to every key, to share a Redis database with other uses. Default `qqwxpay:`. */
  prefix?: string;
}

const COMPARE_AND_DELETE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/**
 * A {@link LeaseStore} on Redis, shared by every process that takes callbacks: claims are one
 * atomic `SET key value NX PX ttl`, and releases run a short script that deletes the key only
 * while it still holds the caller's lease.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * const store = new RedisStore(new Redis(process.env.REDIS_URL!));
 * const deduper = new Deduper(store);
 * ```
 */
export class RedisStore implements LeaseStore {
  readonly #client: RedisClientLike;
  readonly #prefix: string;

  /**
   * @param client - a connected ioredis client (or anything with the same commands)
   * @param options - the key prefix
   * @throws TypeError when `client` lacks the commands
   */
  constructor(client: RedisClientLike, options: RedisStoreOptions = {}) {
    for (const command of ['get', 'set', 'del', 'eval'] as const) {
      if (typeof (client as unknown as Record<string, unknown>)?.[command] !== 'function') {
        throw new TypeError(`client: expected a Redis client with ${command}()`);
      }
    }
    this.#client = client;
    this.#prefix = options.prefix ?? 'qqwxpay:';
  }

  async get(key: string): Promise<string | undefined> {
    const value = await this.#client.get(this.#key(key));
    return value ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    checkString(value, 'value');
    await this.#client.set(this.#key(key), value, 'PX', checkTtl(ttlMs, 'ttlMs'));
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    checkString(value, 'value');
    const reply = await this.#client.set(
      this.#key(key),
      value,
      'PX',
      checkTtl(ttlMs, 'ttlMs'),
      'NX',
    );
    return reply === 'OK';
  }

  async delete(key: string): Promise<void> {
    await this.#client.del(this.#key(key));
  }

  async compareAndDelete(key: string, expected: string): Promise<boolean> {
    checkString(expected, 'expected');
    const reply = await this.#client.eval(COMPARE_AND_DELETE, 1, this.#key(key), expected);
    return reply === 1;
  }

  #key(key: string): string {
    return this.#prefix + checkString(key, 'key');
  }
}
