import { randomUUID } from 'node:crypto';
import { NotifyError } from './errors.ts';
import { checkString, checkTtl, type LeaseStore } from './stores/lease-store.ts';

/** Options for {@link Deduper}. */
export interface DeduperOptions {
  /**
   * How long a claim holds while the handler runs, in milliseconds. Default 10 minutes. A
   * handler that runs longer than this may see a retry of the same event handled beside it.
   */
  leaseMs?: number;
  /** How long a handled event is remembered, in milliseconds. Default 48 hours (WeChat Pay
   * retries for about a day). */
  rememberMs?: number;
  /** Prepended to every event key. Default `notify:`. */
  prefix?: string;
}

/** What {@link Deduper.run} did with an event. */
export type DedupeOutcome<T> =
  /** The handler ran here and succeeded; `remembered` is false if recording that failed. */
  | { status: 'handled'; value: T; remembered: boolean }
  /** The event was handled before: the handler did not run. */
  | { status: 'duplicate' }
  /** Another delivery of the event holds the claim right now: the handler did not run. */
  | { status: 'in-progress' };

const DONE = 'done';

/**
 * Lets a handler run once per event across retries and processes: claim the event key with a
 * lease before handling, release the claim when the handler fails so the retry runs it again,
 * and remember success for a while so later retries are acknowledged without running it.
 *
 * @example
 * ```ts
 * const deduper = new Deduper(new MemoryLeaseStore());
 * const outcome = await deduper.run(eventKey(event), () => fulfil(event));
 * ```
 */
export class Deduper {
  readonly #store: LeaseStore;
  readonly #leaseMs: number;
  readonly #rememberMs: number;
  readonly #prefix: string;

  /**
   * @param store - where claims and records live; share it between processes to dedupe across them
   * @param options - lease and memory durations, key prefix
   * @throws TypeError when `store` lacks `setIfAbsent` or `compareAndDelete`
   * @throws RangeError when a duration is not a positive integer
   */
  constructor(store: LeaseStore, options: DeduperOptions = {}) {
    for (const method of ['get', 'set', 'setIfAbsent', 'compareAndDelete'] as const) {
      if (typeof (store as unknown as Record<string, unknown>)?.[method] !== 'function') {
        throw new TypeError(`store: expected a LeaseStore with ${method}()`);
      }
    }
    this.#store = store;
    this.#leaseMs = checkTtl(options.leaseMs ?? 10 * 60_000, 'leaseMs');
    this.#rememberMs = checkTtl(options.rememberMs ?? 48 * 3_600_000, 'rememberMs');
    this.#prefix = options.prefix ?? 'notify:';
  }

  /**
   * Runs `handler` unless the event was handled already or is being handled elsewhere.
   *
   * @param key - the event's key, from {@link eventKey}
   * @param handler - the merchant's work for the event
   * @returns what happened; the handler's own error is rethrown unchanged after the claim is
   *   released
   * @throws NotifyError `ERR_NOTIFY_STORE_FAILED` when the store cannot be reached before the
   *   handler ran
   * @example
   * ```ts
   * const outcome = await deduper.run('v3:EV-1', async () => markPaid(order));
   * if (outcome.status === 'in-progress') answerRetryLater();
   * ```
   */
  async run<T>(key: string, handler: () => T | Promise<T>): Promise<DedupeOutcome<T>> {
    const storeKey = this.#prefix + checkString(key, 'key');
    const lease = `lease:${randomUUID()}`;

    const claimed = await this.#store
      .setIfAbsent(storeKey, lease, this.#leaseMs)
      .catch((cause: unknown) => {
        throw storeFailed('claim', cause);
      });
    if (!claimed) {
      const current = await this.#store.get(storeKey).catch((cause: unknown) => {
        throw storeFailed('read', cause);
      });
      return current === DONE ? { status: 'duplicate' } : { status: 'in-progress' };
    }

    let value: T;
    try {
      value = await handler();
    } catch (error) {
      await this.#store.compareAndDelete(storeKey, lease).catch(() => false);
      throw error;
    }

    const remembered = await this.#store
      .set(storeKey, DONE, this.#rememberMs)
      .then(() => true)
      .catch(() => false);
    return { status: 'handled', value, remembered };
  }
}

function storeFailed(step: string, cause: unknown): NotifyError {
  return new NotifyError('ERR_NOTIFY_STORE_FAILED', `dedupe store failed to ${step}`, { cause });
}
