// A merchant server in its own process: node:http + nodeHttpNotify, deduplicating through a
// shared Redis. Its handler records each event it runs in a Redis list.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VerifierStore } from '@qqwxpay/codec-v3';
import { Redis } from 'ioredis';
import { nodeHttpNotify } from '../../src/adapters/node-http.ts';
import { Deduper } from '../../src/deduper.ts';
import { RedisStore } from '../../src/stores/redis-store.ts';
import type { V3NotificationEvent } from '../../src/verify-v3-notification.ts';

interface Setup {
  socket: string;
  apiV3Key: string;
  serial: string;
  publicKeyPem: string;
  now: number;
}

const setup = await new Promise<Setup>((resolve) =>
  process.once('message', (m) => resolve(m as Setup)),
);
const client = new Redis({ path: setup.socket });
const verifiers = new VerifierStore();
verifiers.addPublicKey(setup.serial, setup.publicKeyPem);

const notify = nodeHttpNotify({
  version: 'v3',
  apiV3Key: setup.apiV3Key,
  verifiers,
  now: setup.now,
  dedupe: new Deduper(new RedisStore(client, { prefix: 'two-servers:' })),
  onEvent: async (event: V3NotificationEvent) => {
    await client.rpush('two-servers:ran', `${event.id} ${process.pid}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  },
});
const server = createServer((req, res) => void notify(req, res));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
process.send?.({ port: (server.address() as AddressInfo).port });

process.once('message', () => {
  server.closeAllConnections();
  server.close(() => {
    void client.quit().then(() => process.exit(0));
  });
});
