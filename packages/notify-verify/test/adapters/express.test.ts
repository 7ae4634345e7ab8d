import { describe, expect, it } from 'vitest';
import { adapterContract } from '../support/adapter-contract.ts';
import { API_V3_KEY, NOW, v3Callback } from '../support/callbacks.ts';
import { certificateKey, publicKeyModeKey, verifiersFor } from '../support/keys.ts';
import { startExpress, startExpressJsonFirst } from '../support/servers.ts';

adapterContract('express', startExpress);

describe('express adapter behind express.json()', () => {
  it('refuses with 500 ERR_NOTIFY_BODY_UNAVAILABLE instead of verifying a re-serialised body', async () => {
    const cert = certificateKey();
    const events: unknown[] = [];
    const server = await startExpressJsonFirst({
      version: 'v3',
      apiV3Key: API_V3_KEY,
      verifiers: verifiersFor(cert, publicKeyModeKey()),
      now: NOW,
      onEvent: (event) => {
        events.push(event);
      },
    });
    try {
      const callback = v3Callback(cert);
      const response = await fetch(server.url, {
        method: 'POST',
        body: callback.body,
        headers: callback.headers,
      });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        code: 'FAIL',
        message: 'ERR_NOTIFY_BODY_UNAVAILABLE',
      });
      expect(events).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
