import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { describe, expect, it } from 'vitest';
import { koaNotify } from '../../src/adapters/koa.ts';
import { readRawBody } from '../../src/read-raw-body.ts';
import { adapterContract } from '../support/adapter-contract.ts';
import { API_V3_KEY, NOW, v3Callback } from '../support/callbacks.ts';
import { certificateKey, publicKeyModeKey, verifiersFor } from '../support/keys.ts';
import { startKoa } from '../support/servers.ts';

adapterContract('koa', startKoa);

describe('koa adapter behind a body parser', () => {
  async function serveBehindParser(keepRaw: boolean) {
    const cert = certificateKey();
    const app = new Koa();
    // what koa-bodyparser does: parse the body, and keep the text as rawBody
    app.use(async (ctx, next) => {
      const text = Buffer.from(await readRawBody(ctx.req)).toString('utf8');
      const request = ctx.request as unknown as { body?: unknown; rawBody?: string };
      request.body = JSON.parse(text);
      if (keepRaw) request.rawBody = text;
      await next();
    });
    const events: unknown[] = [];
    app.use(
      koaNotify({
        version: 'v3',
        apiV3Key: API_V3_KEY,
        verifiers: verifiersFor(cert, publicKeyModeKey()),
        now: NOW,
        onEvent: (event) => {
          events.push(event);
        },
      }),
    );
    const server = createServer(app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const callback = v3Callback(cert);
    const response = await fetch(url, {
      method: 'POST',
      body: callback.body,
      headers: callback.headers,
    });
    server.closeAllConnections();
    server.close();
    return { status: response.status, text: await response.text(), events };
  }

  it('verifies the rawBody a parser kept', async () => {
    const { status, events } = await serveBehindParser(true);
    expect(status).toBe(204);
    expect(events).toHaveLength(1);
  });

  it('refuses with ERR_NOTIFY_BODY_UNAVAILABLE when only the parsed body is left', async () => {
    const { status, text, events } = await serveBehindParser(false);
    expect(status).toBe(500);
    expect(JSON.parse(text)).toEqual({ code: 'FAIL', message: 'ERR_NOTIFY_BODY_UNAVAILABLE' });
    expect(events).toHaveLength(0);
  });
});
