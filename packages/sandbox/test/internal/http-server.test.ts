import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../src/internal/http-server.ts';

let server: Awaited<ReturnType<typeof startHttpServer>>;
let handled = 0;

beforeAll(async () => {
  server = await startHttpServer('127.0.0.1', 0, async () => {
    handled += 1;
    return { status: 200, body: 'ok' };
  });
});
afterAll(async () => {
  await server?.close();
});

/** Sends one raw HTTP/1.1 request and resolves to the status line of the answer. */
function rawRequest(requestLine: string): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`${requestLine}\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`);
    });
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe('the sandbox HTTP server', () => {
  it('answers 400 to a request target WHATWG URL refuses, and keeps serving', async () => {
    const before = handled;
    expect(await rawRequest('GET http://[x]/ HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(handled).toBe(before);
    expect(await rawRequest('GET /still-here HTTP/1.1')).toBe('HTTP/1.1 200 OK');
  });
});
