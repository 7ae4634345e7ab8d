// One callback server process of the load run: node:http on 127.0.0.1, the V2 and V3 adapters
// with a Deduper on a shared Redis. It records which events its onEvent ran and reports them.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VerifierStore } from '@qqwxpay/codec-v3';
import { Deduper, eventKey, nodeHttpNotify, RedisStore } from '@qqwxpay/notify-verify';
import { Redis } from 'ioredis';

interface Config {
  socket: string;
  prefix: string;
  serial: string;
  publicKeyPem: string;
  apiV3Key: string;
  v2Key: string;
}

const config = await new Promise<Config>((resolve) => process.once('message', resolve as never));
const redis = new Redis({ path: config.socket, enableAutoPipelining: true });
const dedupe = new Deduper(new RedisStore(redis, { prefix: config.prefix }));
const verifiers = new VerifierStore();
verifiers.addPublicKey(config.serial, config.publicKeyPem);

const handled: string[] = [];
const refusals: Record<string, number> = {};
const onEvent = async (event: Parameters<typeof eventKey>[0]) => {
  handled.push(eventKey(event));
  await new Promise((resolve) => setTimeout(resolve, 1));
};
const onRefuse = (error: unknown) => {
  const code = (error as { code?: string }).code ?? 'UNKNOWN';
  refusals[code] = (refusals[code] ?? 0) + 1;
};
const v3 = nodeHttpNotify({
  version: 'v3',
  apiV3Key: config.apiV3Key,
  verifiers,
  dedupe,
  onEvent,
  onRefuse,
});
const v2 = nodeHttpNotify({ version: 'v2', key: config.v2Key, dedupe, onEvent, onRefuse });

const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/notify/v3') void v3(req, res);
  else if (req.method === 'POST' && req.url === '/notify/v2') void v2(req, res);
  else res.writeHead(404).end();
});
server.keepAliveTimeout = 30_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
process.send?.({ port: (server.address() as AddressInfo).port });

process.on('message', async (message: { type: string }) => {
  if (message.type === 'report') process.send?.({ handled, refusals });
  if (message.type === 'stop') {
    server.closeAllConnections();
    server.close();
    await redis.quit();
    process.exit(0);
  }
});
