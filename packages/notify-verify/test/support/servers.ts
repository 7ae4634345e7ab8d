import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import Koa from 'koa';
import { expressNotify } from '../../src/adapters/express.ts';
import { fastifyNotify } from '../../src/adapters/fastify.ts';
import { fetchNotify } from '../../src/adapters/fetch.ts';
import { koaNotify } from '../../src/adapters/koa.ts';
import { nodeHttpNotify } from '../../src/adapters/node-http.ts';
import type { NotificationHandlerOptions } from '../../src/handle-notification.ts';

/** A server this test started on 127.0.0.1, with the callback route at `url`. */
export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** Starts a server that serves the callback route with one adapter. */
export type StartServer = (options: NotificationHandlerOptions) => Promise<TestServer>;

async function listen(server: Server, path: string): Promise<TestServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export const startNodeHttp: StartServer = async (options) => {
  const notify = nodeHttpNotify(options);
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/notify') void notify(req, res);
    else res.writeHead(404).end();
  });
  return listen(server, '/notify');
};

export const startExpress: StartServer = async (options) => {
  const app = express();
  app.post('/notify', express.raw({ type: () => true, limit: '1mb' }), expressNotify(options));
  app.use(express.json());
  return listen(createServer(app), '/notify');
};

/** Express with `express.json()` ahead of the route: the raw body is gone. */
export const startExpressJsonFirst: StartServer = async (options) => {
  const app = express();
  app.use(express.json());
  app.post('/notify', expressNotify(options));
  return listen(createServer(app), '/notify');
};

/** Express with no body parser on the route: the adapter reads the stream itself. */
export const startExpressUnparsed: StartServer = async (options) => {
  const app = express();
  app.post('/notify', expressNotify(options));
  return listen(createServer(app), '/notify');
};

export const startFastify: StartServer = async (options) => {
  const app = Fastify({ logger: false });
  await app.register(fastifyNotify(options), { prefix: '/notify' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/notify`, close: () => app.close() };
};

export const startKoa: StartServer = async (options) => {
  const app = new Koa();
  const notify = koaNotify(options);
  app.use(async (ctx, next) => {
    if (ctx.method === 'POST' && ctx.path === '/notify') await notify(ctx);
    else await next();
  });
  return listen(createServer(app.callback()), '/notify');
};

/** Serves a fetch handler through node:http, as Next.js and Hono's Node server do. */
function serveFetch(handler: (request: Request) => Promise<Response>): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method ?? 'GET',
      headers,
      ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
    } as RequestInit);
    void handler(request).then(async (response) => {
      res.statusCode = response.status;
      response.headers.forEach((value, name) => {
        res.setHeader(name, value);
      });
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
}

export const startFetch: StartServer = async (options) => {
  const POST = fetchNotify(options);
  return listen(serveFetch(POST), '/api/notify');
};

export const startHono: StartServer = async (options) => {
  const app = new Hono();
  const notify = fetchNotify(options);
  app.post('/notify', (c) => notify(c.req.raw));
  return listen(
    serveFetch((request) => Promise.resolve(app.fetch(request))),
    '/notify',
  );
};
