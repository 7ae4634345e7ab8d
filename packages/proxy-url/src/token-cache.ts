import { checkQqAppId } from './build-proxy-url.ts';
import { QqProxyError } from './errors.ts';
import { getTokenRequest, parseGetTokenResponse, type QqAccessToken } from './get-token.ts';
import type { KeyValueStore } from './key-value-store.ts';
import { MemoryStore } from './memory-store.ts';

/** The part of the WHATWG `fetch` the cache uses; the global `fetch` fits. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string> },
) => Promise<{ status: number; headers: Headers; text(): Promise<string> }>;

/** Options of {@link TokenCache}: either `secret` and `fetch`, or `fetchToken`. */
export interface TokenCacheOptions {
  /** The QQ mini program's appid (digits); part of the store key. */
  appId: string;
  /** The QQ AppSecret, used with `fetch` to call `getToken`. */
  secret?: string;
  /** How to send the `getToken` request; the global `fetch` fits. */
  fetch?: FetchLike;
  /** Fetches a fresh token another way; replaces `secret` and `fetch`. */
  fetchToken?: () => Promise<QqAccessToken>;
  /** Where tokens are kept; a {@link MemoryStore} by default. */
  store?: KeyValueStore;
  /** Refresh this many milliseconds before expiry; 5 minutes by default (at most half the lifetime). */
  refreshAheadMs?: number;
  /** The clock in milliseconds; `Date.now` by default. */
  now?: () => number;
}

interface Stored {
  accessToken: string;
  expiresAt: number;
  refreshAt: number;
}

/**
 * Keeps QQ's access token: serves it from the store while fresh, refreshes it ahead of expiry,
 * and runs one refresh at a time however many callers wait (single flight). When a refresh
 * ahead of expiry fails, the old token is served until it actually expires.
 *
 * @example
 * ```ts
 * const tokens = new TokenCache({ appId: '1112223334', secret, fetch });
 * const url = buildProxyUrl({ api: 'v3-h5', qqAppId: '1112223334', accessToken: await tokens.get() });
 * ```
 */
export class TokenCache {
  readonly #key: string;
  readonly #store: KeyValueStore;
  readonly #fetchToken: () => Promise<QqAccessToken>;
  readonly #refreshAheadMs: number;
  readonly #now: () => number;
  #inFlight: Promise<string> | undefined;

  /**
   * @param options - the appid, how to fetch, where to store, when to refresh
   * @throws TypeError when neither `fetchToken` nor both `secret` and `fetch` are given
   * @throws RangeError when `appId` is not digits or `refreshAheadMs` is negative
   */
  constructor(options: TokenCacheOptions) {
    checkQqAppId(options.appId);
    const refreshAheadMs = options.refreshAheadMs ?? 300_000;
    if (!Number.isFinite(refreshAheadMs) || refreshAheadMs < 0) {
      throw new RangeError('refreshAheadMs must be a non-negative number of milliseconds');
    }
    this.#key = `qqwxpay:qq-access-token:${options.appId}`;
    this.#store = options.store ?? new MemoryStore({ maxEntries: 16 });
    this.#refreshAheadMs = refreshAheadMs;
    this.#now = options.now ?? Date.now;
    this.#fetchToken = options.fetchToken ?? fetcher(options);
  }

  /**
   * Resolves to a usable access token, refreshing it when it is near expiry or absent.
   *
   * @throws QqProxyError `ERR_QQ_TOKEN_FAILED`, `ERR_QQ_TOKEN_MALFORMED` or `ERR_QQ_HTTP_STATUS`
   *   when a needed refresh fails
   */
  async get(): Promise<string> {
    const stored = await this.#read();
    const now = this.#now();
    if (stored !== undefined && now < stored.refreshAt) return stored.accessToken;
    try {
      return await this.refresh();
    } catch (error) {
      if (stored !== undefined && this.#now() < stored.expiresAt) return stored.accessToken;
      throw error;
    }
  }

  /**
   * Fetches a new token now (joining a refresh already running) and stores it.
   *
   * @throws QqProxyError as {@link TokenCache.get} does
   */
  refresh(): Promise<string> {
    if (this.#inFlight === undefined) {
      this.#inFlight = this.#fetchAndStore().finally(() => {
        this.#inFlight = undefined;
      });
    }
    return this.#inFlight;
  }

  /** Forgets the stored token, for when QQ says it is no longer valid. */
  async invalidate(): Promise<void> {
    await this.#store.delete(this.#key);
  }

  async #fetchAndStore(): Promise<string> {
    const startedAt = this.#now();
    const token = checkFetched(await this.#fetchToken());
    const lifetimeMs = token.expiresIn * 1000;
    const ahead = Math.min(this.#refreshAheadMs, lifetimeMs / 2);
    const stored: Stored = {
      accessToken: token.accessToken,
      expiresAt: startedAt + lifetimeMs,
      refreshAt: startedAt + lifetimeMs - ahead,
    };
    await this.#store.set(this.#key, JSON.stringify(stored), lifetimeMs);
    return token.accessToken;
  }

  async #read(): Promise<Stored | undefined> {
    const text = await this.#store.get(this.#key);
    if (text === undefined) return undefined;
    try {
      const value = JSON.parse(text) as Partial<Stored>;
      if (
        typeof value.accessToken === 'string' &&
        typeof value.expiresAt === 'number' &&
        typeof value.refreshAt === 'number' &&
        this.#now() < value.expiresAt
      ) {
        return value as Stored;
      }
    } catch {
      // An unreadable entry is treated as absent and replaced on refresh.
    }
    return undefined;
  }
}

function checkFetched(token: QqAccessToken): QqAccessToken {
  const { accessToken, expiresIn } = (token ?? {}) as Partial<QqAccessToken>;
  if (typeof accessToken !== 'string' || accessToken.length === 0) {
    throw new QqProxyError('ERR_QQ_TOKEN_MALFORMED', 'fetchToken gave no access token');
  }
  if (typeof expiresIn !== 'number' || !Number.isSafeInteger(expiresIn) || expiresIn <= 0) {
    throw new QqProxyError(
      'ERR_QQ_TOKEN_MALFORMED',
      'fetchToken gave no positive whole expiresIn (seconds)',
    );
  }
  return { accessToken, expiresIn };
}

function fetcher(options: TokenCacheOptions): () => Promise<QqAccessToken> {
  const { secret, fetch } = options;
  if (secret === undefined || fetch === undefined) {
    throw new TypeError('TokenCache needs fetchToken, or both secret and fetch');
  }
  const request = getTokenRequest({ appId: options.appId, secret });
  return async () => {
    const response = await fetch(request.url, { method: request.method, headers: request.headers });
    const body = await response.text();
    return parseGetTokenResponse({ status: response.status, headers: response.headers, body });
  };
}
