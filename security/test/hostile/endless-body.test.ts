import { fetchNotify } from '@qqwxpay/notify-verify';
import { describe, expect, it } from 'vitest';
import { API_KEY, API_V3_KEY, platform } from '../support/keys.ts';

function endless(counter: { bytes: number }): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(16 * 1024).fill(0x41);
  return new ReadableStream({
    pull(controller) {
      counter.bytes += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

describe('a body that never ends', () => {
  for (const version of ['v2', 'v3'] as const) {
    it(`is refused with 413 by the fetch adapter (${version}) after reading past the limit only`, async () => {
      const counter = { bytes: 0 };
      const notify =
        version === 'v2'
          ? fetchNotify({ version, key: API_KEY, onEvent: () => undefined })
          : fetchNotify({
              version,
              apiV3Key: API_V3_KEY,
              verifiers: platform().verifiers,
              onEvent: () => undefined,
            });
      const request = new Request('http://127.0.0.1/notify', {
        method: 'POST',
        body: endless(counter),
        duplex: 'half',
      } as RequestInit);
      const response = await notify(request);
      expect(response.status).toBe(413);
      expect(counter.bytes).toBeLessThan(65_536 + 4 * 16 * 1024);
    });
  }
});
