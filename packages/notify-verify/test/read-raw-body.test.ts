import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readFetchBody, readRawBody } from '../src/read-raw-body.ts';

describe('readRawBody', () => {
  it('returns the exact bytes across chunks', async () => {
    const bytes = await readRawBody(Readable.from([Buffer.from('{"a":'), Buffer.from('"支付"}')]));
    expect(Buffer.from(bytes).toString('utf8')).toBe('{"a":"支付"}');
  });

  it('refuses a stream over the limit as it streams, and a declared length over it unread', async () => {
    await expect(
      readRawBody(Readable.from([Buffer.alloc(6), Buffer.alloc(6)]), { maxBytes: 10 }),
    ).rejects.toMatchObject({
      code: 'ERR_NOTIFY_BODY_TOO_LARGE',
      limit: 10,
    });
    let pulled = false;
    const lazy = (async function* () {
      pulled = true;
      yield Buffer.alloc(1);
    })();
    await expect(readRawBody(lazy, { maxBytes: 10, contentLength: '11' })).rejects.toMatchObject({
      code: 'ERR_NOTIFY_BODY_TOO_LARGE',
    });
    expect(pulled).toBe(false);
  });

  it('accepts exactly the limit', async () => {
    expect(
      (await readRawBody(Readable.from([Buffer.alloc(10)]), { maxBytes: 10 })).byteLength,
    ).toBe(10);
  });

  it('refuses a limit that is not a positive integer', async () => {
    await expect(readRawBody(Readable.from([]), { maxBytes: 0 })).rejects.toThrow(RangeError);
  });
});

describe('readFetchBody', () => {
  it('reads a Request body as bytes', async () => {
    const request = new Request('http://127.0.0.1/', { method: 'POST', body: 'abc' });
    expect(Buffer.from(await readFetchBody(request)).toString()).toBe('abc');
  });

  it('refuses a body over the limit and a body already read', async () => {
    const big = new Request('http://127.0.0.1/', { method: 'POST', body: 'x'.repeat(20) });
    await expect(readFetchBody(big, { maxBytes: 10 })).rejects.toMatchObject({
      code: 'ERR_NOTIFY_BODY_TOO_LARGE',
    });
    const used = new Request('http://127.0.0.1/', { method: 'POST', body: 'x' });
    await used.text();
    await expect(readFetchBody(used)).rejects.toMatchObject({
      code: 'ERR_NOTIFY_BODY_UNAVAILABLE',
    });
  });

  it('reads an empty body as no bytes', async () => {
    const request = new Request('http://127.0.0.1/', { method: 'POST' });
    expect((await readFetchBody(request)).byteLength).toBe(0);
  });
});
