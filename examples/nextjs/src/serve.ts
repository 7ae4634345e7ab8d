import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import * as notify from './app/api/notify/v3/route.ts';
import * as order from './app/api/orders/[outTradeNo]/route.ts';
import * as orders from './app/api/orders/route.ts';

type Handler = (request: Request, params: Record<string, string>) => Promise<Response>;

/** Method, path and route handler, as Next.js maps `src/app/api/**\/route.ts`. */
const routes: [string, RegExp, Handler][] = [
  ['POST', /^\/api\/notify\/v3$/, (request) => notify.POST(request)],
  ['POST', /^\/api\/orders$/, (request) => orders.POST(request)],
  [
    'GET',
    /^\/api\/orders\/(?<outTradeNo>[\w-]+)$/,
    (request, params) =>
      order.GET(request, { params: Promise.resolve({ outTradeNo: params.outTradeNo ?? '' }) }),
  ],
];

/** A Node request as the Web `Request` a route handler receives. */
function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of [value ?? []].flat()) headers.append(name, one);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const path = new URL(req.url ?? '/', origin).pathname;
  for (const [method, pattern, handler] of routes) {
    const match = pattern.exec(path);
    if (match === null || req.method !== method) continue;
    const response = await handler(toRequest(req, origin), { ...match.groups });
    res.statusCode = response.status;
    response.headers.forEach((value, name) => {
      res.setHeader(name, value);
    });
    res.end(Buffer.from(await response.arrayBuffer()));
    return;
  }
  res.writeHead(404).end();
}

/**
 * Serves the route handlers on 127.0.0.1 without Next.js: a stand-in for `next start` that
 * keeps this example's tests free of a Next.js build.
 */
export async function serve(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  let origin = '';
  const server = createServer((req, res) => {
    handle(req, res, origin).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(port, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () => new Promise((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}
