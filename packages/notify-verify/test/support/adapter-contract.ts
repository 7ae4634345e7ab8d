import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Deduper } from '../../src/deduper.ts';
import type { NotificationExpectations } from '../../src/expectations.ts';
import { MemoryLeaseStore } from '../../src/stores/memory-lease-store.ts';
import {
  API_KEY,
  API_V3_KEY,
  NOW,
  replaceV2Field,
  transaction,
  v2PaymentXml,
  v2RefundXml,
  v3Callback,
} from './callbacks.ts';
import { certificateKey, type PlatformKey, publicKeyModeKey, verifiersFor } from './keys.ts';
import type { StartServer, TestServer } from './servers.ts';

interface Context {
  onEvent: (event: unknown) => unknown;
  expect: NotificationExpectations | undefined;
  events: unknown[];
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', body, headers });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

function failJson(text: string): { code: string; message: string } {
  return JSON.parse(text) as { code: string; message: string };
}

/** Every adapter, end to end on a real server on 127.0.0.1. */
export function adapterContract(name: string, start: StartServer): void {
  describe(`${name} adapter end to end`, () => {
    let cert: PlatformKey;
    let pub: PlatformKey;
    let v3: TestServer;
    let v2: TestServer;
    const ctx: Context = { onEvent: () => undefined, expect: undefined, events: [] };

    beforeAll(async () => {
      cert = certificateKey();
      pub = publicKeyModeKey();
      const common = {
        dedupe: new Deduper(new MemoryLeaseStore()),
        onEvent: (event: unknown) => {
          ctx.events.push(event);
          return ctx.onEvent(event);
        },
        expect: () => ctx.expect,
        maxBytes: 4_096,
      };
      v3 = await start({
        version: 'v3',
        apiV3Key: API_V3_KEY,
        verifiers: verifiersFor(cert, pub),
        now: NOW,
        ...common,
      });
      v2 = await start({ version: 'v2', key: API_KEY, ...common });
    });

    afterAll(async () => {
      await v3?.close();
      await v2?.close();
    });

    beforeEach(() => {
      ctx.onEvent = () => undefined;
      ctx.expect = undefined;
      ctx.events = [];
    });

    let counter = 0;
    const freshId = () => `EV-${name}-${++counter}`;

    it('acknowledges an authentic V3 callback (certificate serial) with 204 and hands over the event', async () => {
      const callback = v3Callback(cert, { id: freshId() });
      const answer = await post(v3.url, callback.body, callback.headers);
      expect(answer.status).toBe(204);
      expect(answer.text).toBe('');
      expect(ctx.events).toHaveLength(1);
      expect(ctx.events[0]).toMatchObject({
        kind: 'transaction',
        resource: { amount: { total: 9900 } },
      });
    });

    it('acknowledges an authentic V3 callback signed in public-key mode', async () => {
      const callback = v3Callback(pub, { id: freshId() });
      const answer = await post(v3.url, callback.body, callback.headers);
      expect(answer.status).toBe(204);
      expect(ctx.events).toHaveLength(1);
    });

    it('accepts header names in any case', async () => {
      const callback = v3Callback(cert, { id: freshId() });
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(callback.headers)) {
        headers[key.length % 2 === 0 ? key.toUpperCase() : key.toLowerCase()] = value;
      }
      const answer = await post(v3.url, callback.body, headers);
      expect(answer.status).toBe(204);
    });

    it('keeps the raw bytes whatever the Content-Type says, or when there is none', async () => {
      const callback = v3Callback(cert, { id: freshId() });
      const { 'Content-Type': _, ...bare } = callback.headers;
      const none = await fetch(v3.url, {
        method: 'POST',
        body: Buffer.from(callback.body),
        headers: bare,
      });
      expect(none.status).toBe(204);
      const odd = v3Callback(cert, { id: freshId() });
      const answer = await post(v3.url, odd.body, {
        ...odd.headers,
        'Content-Type': 'text/plain; charset=gbk',
      });
      expect(answer.status).toBe(204);
      expect(ctx.events).toHaveLength(2);
    });

    const refusals: [
      string,
      (c: { body: string; headers: Record<string, string> }) => {
        body: string;
        headers: Record<string, string>;
      },
      number,
      string,
    ][] = [
      [
        'a tampered body',
        (c) => ({ ...c, body: c.body.replace('支付成功', '支付失败') }),
        401,
        'ERR_V3_SIGNATURE_MISMATCH',
      ],
      [
        'a re-serialised body',
        (c) => ({ ...c, body: JSON.stringify(JSON.parse(c.body), null, 2) }),
        401,
        'ERR_V3_SIGNATURE_MISMATCH',
      ],
      [
        'a signature probe',
        (c) => ({
          ...c,
          headers: {
            ...c.headers,
            'Wechatpay-Signature': `WECHATPAY/SIGNTEST/${c.headers['Wechatpay-Signature']}`,
          },
        }),
        401,
        'ERR_V3_SIGNATURE_PROBE',
      ],
      [
        'a missing signature header',
        (c) => {
          const { 'Wechatpay-Signature': _, ...headers } = c.headers;
          return { ...c, headers };
        },
        401,
        'ERR_V3_SIGNATURE_MISSING',
      ],
      [
        'an unknown serial',
        (c) => ({
          ...c,
          headers: { ...c.headers, 'Wechatpay-Serial': 'PUB_KEY_ID_0000000000000000000000000000' },
        }),
        401,
        'ERR_V3_SERIAL_UNKNOWN',
      ],
    ];
    for (const [what, mutate, status, code] of refusals) {
      it(`refuses ${what} with ${status} ${code}, without running the handler`, async () => {
        const callback = mutate(v3Callback(cert, { id: freshId() }));
        const answer = await post(v3.url, callback.body, callback.headers);
        expect(answer.status).toBe(status);
        expect(failJson(answer.text)).toEqual({ code: 'FAIL', message: code });
        expect(ctx.events).toHaveLength(0);
      });
    }

    it('refuses a stale callback (timestamp 301 s old)', async () => {
      const callback = v3Callback(cert, { id: freshId(), timestamp: NOW - 301 });
      const answer = await post(v3.url, callback.body, callback.headers);
      expect(answer.status).toBe(401);
      expect(failJson(answer.text).message).toBe('ERR_V3_TIMESTAMP_OUT_OF_WINDOW');
      expect(ctx.events).toHaveLength(0);
    });

    it('refuses an oversized callback with 413, even when correctly signed', async () => {
      const callback = v3Callback(cert, {
        id: freshId(),
        resource: transaction({ attach: 'x'.repeat(5_000) }),
      });
      const answer = await post(v3.url, callback.body, callback.headers);
      expect(answer.status).toBe(413);
      expect(failJson(answer.text).message).toBe('ERR_NOTIFY_BODY_TOO_LARGE');
      expect(ctx.events).toHaveLength(0);
    });

    it('refuses a callback for another amount: expectation mismatch', async () => {
      ctx.expect = { amount: 1 };
      const callback = v3Callback(cert, { id: freshId() });
      const answer = await post(v3.url, callback.body, callback.headers);
      expect(answer.status).toBe(400);
      expect(failJson(answer.text).message).toBe('ERR_NOTIFY_EXPECTATION_MISMATCH');
      expect(ctx.events).toHaveLength(0);
    });

    it('runs the handler once for a callback delivered twice in a row', async () => {
      const callback = v3Callback(cert, { id: freshId() });
      expect((await post(v3.url, callback.body, callback.headers)).status).toBe(204);
      expect((await post(v3.url, callback.body, callback.headers)).status).toBe(204);
      expect(ctx.events).toHaveLength(1);
    });

    it('runs the handler once for concurrent deliveries; the others are asked to retry', async () => {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      ctx.onEvent = () => gate;
      const callback = v3Callback(cert, { id: freshId() });
      let answered = 0;
      let fourAnswered: () => void = () => undefined;
      const four = new Promise<void>((resolve) => {
        fourAnswered = resolve;
      });
      const all = Array.from({ length: 5 }, () =>
        post(v3.url, callback.body, callback.headers).then((answer) => {
          answered += 1;
          if (answered === 4) fourAnswered();
          return answer.status;
        }),
      );
      // the four that lose the claim answer at once; only then is the winner released
      await four;
      release();
      const statuses = (await Promise.all(all)).sort();
      expect(statuses).toEqual([204, 503, 503, 503, 503]);
      expect(ctx.events).toHaveLength(1);
    });

    it('a handler that throws answers 500 and the retry runs it again', async () => {
      let calls = 0;
      ctx.onEvent = () => {
        calls += 1;
        if (calls === 1) throw new Error('database down');
      };
      const callback = v3Callback(cert, { id: freshId() });
      const first = await post(v3.url, callback.body, callback.headers);
      expect(first.status).toBe(500);
      expect(failJson(first.text)).toEqual({ code: 'FAIL', message: 'ERR_NOTIFY_HANDLER_FAILED' });
      const retry = await post(v3.url, callback.body, callback.headers);
      expect(retry.status).toBe(204);
      expect(calls).toBe(2);
    });

    it('acknowledges an authentic V2 payment callback with the SUCCESS XML', async () => {
      const answer = await post(v2.url, v2PaymentXml({ transaction_id: `42${++counter}` }), {
        'Content-Type': 'text/xml',
      });
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('<return_code><![CDATA[SUCCESS]]></return_code>');
      expect(ctx.events).toMatchObject([{ kind: 'payment', success: true }]);
    });

    it('refuses a tampered V2 payment callback with the FAIL XML', async () => {
      const body = replaceV2Field(
        v2PaymentXml({ transaction_id: `42${++counter}` }),
        'total_fee',
        '1',
      );
      const answer = await post(v2.url, body, { 'Content-Type': 'text/xml' });
      expect(answer.status).toBe(401);
      expect(answer.text).toContain('<return_code><![CDATA[FAIL]]></return_code>');
      expect(answer.text).toContain('ERR_V2_SIGNATURE_MISMATCH');
      expect(ctx.events).toHaveLength(0);
    });

    it('acknowledges a V2 refund callback once, decrypted', async () => {
      const body = v2RefundXml({ refund_id: `5000${++counter}` });
      expect((await post(v2.url, body, { 'Content-Type': 'text/xml' })).status).toBe(200);
      expect((await post(v2.url, body, { 'Content-Type': 'text/xml' })).status).toBe(200);
      expect(ctx.events).toMatchObject([{ kind: 'refund', refund: { refund_fee: '900' } }]);
    });
  });
}
