import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxError } from '../errors.ts';

const MAX_BODY_BYTES = 1024 * 1024;

/** A request as a handler sees it: the raw target, the raw body. */
export interface Incoming {
  method: string;
  /** Path and query exactly as received. */
  target: string;
  /** The path alone. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What a handler answers. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** Answers one request. */
export type Handler = (request: Incoming) => Promise<Reply>;

/** A listening server and how to stop it. */
export interface Listening {
  url: string;
  close(): Promise<void>;
}

async function readBody(stream: AsyncIterable<unknown>): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts a node:http server on `host:port` (port 0 picks a free one) that hands each request,
 * body read whole (1 MiB at most), to `handler`. A handler that throws answers 500 with no
 * detail; a request target that is not a URL answers 400 without reaching the handler.
 */
export async function startHttpServer(
  host: string,
  port: number,
  handler: Handler,
): Promise<Listening> {
  const server = createServer(async (req, res) => {
    let reply: Reply;
    const body = await readBody(req).catch(() => undefined);
    if (body === undefined) {
      reply = { status: 413, body: 'request too large' };
    } else if (!URL.canParse(req.url ?? '/', 'http://sandbox.invalid')) {
      // Node's parser lets through absolute-form targets that WHATWG URL refuses.
      reply = { status: 400, body: 'bad request target' };
    } else {
      const target = req.url ?? '/';
      const parsed = new URL(target, 'http://sandbox.invalid');
      const incoming: Incoming = {
        method: req.method ?? 'GET',
        target,
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: req.headers,
        body,
      };
      reply = await handler(incoming).catch(() => ({ status: 500, body: 'internal error' }));
    }
    const payload = reply.body === undefined ? Buffer.alloc(0) : Buffer.from(reply.body);
    res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(payload.length) });
    res.end(payload);
  });
  server.keepAliveTimeout = 1000;

  let address: AddressInfo;
  try {
    address = await listen(server, host, port);
  } catch (cause) {
    throw new SandboxError('ERR_SANDBOX_LISTEN_FAILED', `cannot listen on ${host}:${port}`, {
      cause,
    });
  }
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
