import { beforeAll, describe, expect, it } from 'vitest';
import { Deduper } from '../src/deduper.ts';
import { createNotificationHandler } from '../src/handle-notification.ts';
import { MemoryLeaseStore } from '../src/stores/memory-lease-store.ts';
import { API_KEY, API_V3_KEY, NOW, v2PaymentXml, v3Callback } from './support/callbacks.ts';
import {
  certificateKey,
  type PlatformKey,
  publicKeyModeKey,
  verifiersFor,
} from './support/keys.ts';

let cert: PlatformKey;
let v3: { apiV3Key: string; verifiers: ReturnType<typeof verifiersFor>; now: number };

beforeAll(() => {
  cert = certificateKey();
  v3 = { apiV3Key: API_V3_KEY, verifiers: verifiersFor(cert, publicKeyModeKey()), now: NOW };
});

describe('createNotificationHandler', () => {
  it('answers with a refusal at the deadline, and the late success is remembered for the retry', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let runs = 0;
    let finished: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      finished = resolve;
    });
    const handle = createNotificationHandler({
      version: 'v3',
      ...v3,
      deadlineMs: 30,
      dedupe: new Deduper(new MemoryLeaseStore()),
      onEvent: async () => {
        runs += 1;
        await gate;
        finished();
      },
    });
    const callback = v3Callback(cert, { id: 'EV-late' });
    const first = await handle(callback);
    expect(first.status).toBe(503);
    expect(JSON.parse(first.body)).toEqual({ code: 'FAIL', message: 'ERR_NOTIFY_TIMEOUT' });

    release();
    await done;
    await new Promise((resolve) => setImmediate(resolve));
    const retry = await handle(callback);
    expect(retry.status).toBe(204);
    expect(runs).toBe(1);
  });

  it('a handler that resolves to false refuses the event so it comes again', async () => {
    let answer = false;
    const handle = createNotificationHandler({
      version: 'v3',
      ...v3,
      dedupe: new Deduper(new MemoryLeaseStore()),
      onEvent: () => answer,
    });
    const callback = v3Callback(cert, { id: 'EV-false' });
    expect((await handle(callback)).status).toBe(500);
    answer = true;
    expect((await handle(callback)).status).toBe(204);
  });

  it('looks expectations up from the verified event and tells onRefuse why it refused', async () => {
    const refusals: unknown[] = [];
    const handle = createNotificationHandler({
      version: 'v3',
      ...v3,
      expect: async (event) => (event.kind === 'transaction' ? { amount: 100 } : undefined),
      onEvent: () => undefined,
      onRefuse: (error) => {
        refusals.push((error as { code: string }).code);
        throw new Error('a broken logger does not change the answer');
      },
    });
    const answer = await handle(v3Callback(cert));
    expect(answer.status).toBe(400);
    expect(refusals).toEqual(['ERR_NOTIFY_EXPECTATION_MISMATCH']);
  });

  it('a misspelt key in the expectations a function returns refuses the callback', async () => {
    const refusals: unknown[] = [];
    let ran = false;
    const handle = createNotificationHandler({
      version: 'v3',
      ...v3,
      expect: () => ({ amountt: 1 }) as never,
      onEvent: () => {
        ran = true;
      },
      onRefuse: (error) => refusals.push(error),
    });
    const answer = await handle(v3Callback(cert, { id: 'EV-misspelt' }));
    expect(answer.status).toBe(500);
    expect(ran).toBe(false);
    expect(refusals[0]).toBeInstanceOf(TypeError);
    expect(String((refusals[0] as Error).message)).toMatch(/^expect\.amountt: /);
  });

  it('answers V3 success with 200 when asked, and V2 with the SUCCESS XML', async () => {
    const v3Handle = createNotificationHandler({
      version: 'v3',
      ...v3,
      v3Status: 200,
      onEvent: () => undefined,
    });
    expect(await v3Handle(v3Callback(cert))).toEqual({ status: 200, headers: {}, body: '' });
    const v2Handle = createNotificationHandler({
      version: 'v2',
      key: API_KEY,
      onEvent: () => undefined,
    });
    const answer = await v2Handle({ body: v2PaymentXml(), headers: {} });
    expect(answer.body).toBe(
      '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>',
    );
  });

  it('never puts the handler error text in the answer', async () => {
    const handle = createNotificationHandler({
      version: 'v3',
      ...v3,
      onEvent: () => {
        throw new Error('password=hunter2');
      },
    });
    const answer = await handle(v3Callback(cert));
    expect(answer.status).toBe(500);
    expect(answer.body).not.toContain('hunter2');
  });

  it('refuses malformed options as caller mistakes', () => {
    expect(() => createNotificationHandler({ version: 'v4' } as never)).toThrow(TypeError);
    expect(() =>
      createNotificationHandler({ version: 'v2', key: API_KEY, onEvent: () => 1, deadlineMs: 0 }),
    ).toThrow(/deadlineMs/);
  });
});
