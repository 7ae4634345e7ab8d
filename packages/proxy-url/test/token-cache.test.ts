import { describe, expect, it, vi } from 'vitest';
import { type FetchLike, MemoryStore, type QqAccessToken, TokenCache } from '../src/index.ts';

function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

/** A token source whose answers the test releases by hand. */
function gatedSource() {
  const pending: Array<{ resolve: (t: QqAccessToken) => void; reject: (e: unknown) => void }> = [];
  const fetchToken = vi.fn(
    () => new Promise<QqAccessToken>((resolve, reject) => pending.push({ resolve, reject })),
  );
  return { fetchToken, pending };
}

describe('TokenCache', () => {
  it('runs one refresh however many callers wait (single flight)', async () => {
    const c = clock();
    const source = gatedSource();
    const cache = new TokenCache({
      appId: '1112223334',
      fetchToken: source.fetchToken,
      now: c.now,
    });
    const waiting = Array.from({ length: 25 }, () => cache.get());
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.pending).toHaveLength(1);
    source.pending[0]!.resolve({ accessToken: 'T1', expiresIn: 7200 });
    expect(await Promise.all(waiting)).toEqual(Array(25).fill('T1'));
    expect(source.fetchToken).toHaveBeenCalledTimes(1);
  });

  it('serves the stored token while fresh and refreshes ahead of expiry', async () => {
    const c = clock();
    let n = 0;
    const fetchToken = vi.fn(async () => ({ accessToken: `T${++n}`, expiresIn: 7200 }));
    const cache = new TokenCache({ appId: '1', fetchToken, now: c.now, refreshAheadMs: 300_000 });
    expect(await cache.get()).toBe('T1');
    c.advance(7200_000 - 300_001);
    expect(await cache.get()).toBe('T1');
    c.advance(1);
    expect(await cache.get()).toBe('T2');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('keeps serving a still-valid token when the early refresh fails, and fails after expiry', async () => {
    const c = clock();
    const fetchToken = vi
      .fn<() => Promise<QqAccessToken>>()
      .mockResolvedValueOnce({ accessToken: 'T1', expiresIn: 7200 })
      .mockRejectedValue(new Error('QQ is down'));
    const cache = new TokenCache({ appId: '1', fetchToken, now: c.now });
    expect(await cache.get()).toBe('T1');
    c.advance(7200_000 - 1000);
    expect(await cache.get()).toBe('T1');
    c.advance(1000);
    await expect(cache.get()).rejects.toThrow('QQ is down');
  });

  it('shares tokens through the store and forgets them on invalidate', async () => {
    const c = clock();
    const store = new MemoryStore({ now: c.now });
    const first = new TokenCache({
      appId: '1',
      store,
      now: c.now,
      fetchToken: async () => ({ accessToken: 'SHARED', expiresIn: 7200 }),
    });
    const fetchToken = vi.fn(async () => ({ accessToken: 'OTHER', expiresIn: 7200 }));
    const second = new TokenCache({ appId: '1', store, now: c.now, fetchToken });
    expect(await first.get()).toBe('SHARED');
    expect(await second.get()).toBe('SHARED');
    expect(fetchToken).not.toHaveBeenCalled();
    await second.invalidate();
    expect(await second.get()).toBe('OTHER');
  });

  it('refreshes short-lived tokens at half their lifetime at the latest', async () => {
    const c = clock();
    let n = 0;
    const fetchToken = vi.fn(async () => ({ accessToken: `T${++n}`, expiresIn: 60 }));
    const cache = new TokenCache({ appId: '1', fetchToken, now: c.now, refreshAheadMs: 300_000 });
    expect(await cache.get()).toBe('T1');
    c.advance(29_999);
    expect(await cache.get()).toBe('T1');
    c.advance(1);
    expect(await cache.get()).toBe('T2');
  });

  it('calls getToken through an injected fetch and reads its answer', async () => {
    const calls: string[] = [];
    const fetch: FetchLike = async (url, init) => {
      calls.push(`${init.method} ${url}`);
      return {
        status: 200,
        headers: new Headers({ 'content-type': 'application/json' }),
        text: async () => '{"errcode":0,"errmsg":"","access_token":"FROM-QQ","expires_in":7200}',
      };
    };
    const cache = new TokenCache({ appId: '1112223334', secret: 'sec', fetch });
    expect(await cache.get()).toBe('FROM-QQ');
    expect(calls).toEqual([
      'GET https://api.q.qq.com/api/getToken?grant_type=client_credential&appid=1112223334&secret=sec',
    ]);
  });

  it('surfaces a refused getToken as ERR_QQ_TOKEN_FAILED without the secret', async () => {
    const fetch: FetchLike = async () => ({
      status: 200,
      headers: new Headers(),
      text: async () => '{"errcode":40125,"errmsg":"invalid appsecret"}',
    });
    const cache = new TokenCache({ appId: '1', secret: 'TOP-SECRET', fetch });
    const error = (await cache.get().then(
      () => undefined,
      (e: unknown) => e,
    )) as Error & { code: string };
    expect(error.code).toBe('ERR_QQ_TOKEN_FAILED');
    expect(error.message).not.toContain('TOP-SECRET');
  });

  it('needs fetchToken or both secret and fetch', () => {
    expect(() => new TokenCache({ appId: '1' })).toThrow(TypeError);
    expect(
      () =>
        new TokenCache({
          appId: 'wx1',
          fetchToken: async () => ({ accessToken: 'T', expiresIn: 1 }),
        }),
    ).toThrow(RangeError);
  });

  it('serves a still-valid token to callers who joined an early refresh that fails', async () => {
    const c = clock();
    const source = gatedSource();
    const cache = new TokenCache({ appId: '1', fetchToken: source.fetchToken, now: c.now });
    const first = cache.get();
    await new Promise((resolve) => setImmediate(resolve));
    source.pending[0]!.resolve({ accessToken: 'T1', expiresIn: 7200 });
    expect(await first).toBe('T1');

    c.advance(7200_000 - 60_000);
    const waiting = [cache.get()];
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.pending).toHaveLength(2);
    for (let i = 0; i < 4; i += 1) waiting.push(cache.get());
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.pending).toHaveLength(2);
    source.pending[1]!.reject(new Error('QQ is down'));
    expect(await Promise.all(waiting)).toEqual(Array(5).fill('T1'));
  });

  it('a fetchToken that gives an empty token or no lifetime is ERR_QQ_TOKEN_MALFORMED, not a RangeError', async () => {
    const bad: unknown[] = [
      { accessToken: '', expiresIn: 0 },
      { accessToken: 'T', expiresIn: 0 },
      { accessToken: 'T', expiresIn: -5 },
      { accessToken: 'T', expiresIn: 1.5 },
      { accessToken: 'T', expiresIn: '7200' },
      { accessToken: '', expiresIn: 7200 },
      { expiresIn: 7200 },
      undefined,
    ];
    for (const token of bad) {
      const store = new MemoryStore();
      const cache = new TokenCache({
        appId: '1',
        store,
        fetchToken: async () => token as QqAccessToken,
      });
      await expect(cache.get()).rejects.toMatchObject({
        name: 'QqProxyError',
        code: 'ERR_QQ_TOKEN_MALFORMED',
      });
    }
  });
});
