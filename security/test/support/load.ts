import { type ChildProcess, fork } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { signXml } from '@qqwxpay/codec-v2';
import { encryptResource, signResponse } from '@qqwxpay/codec-v3';
import { startRedis } from '../../../scripts/test-support/redis-server.ts';

/** How big a burst to send. */
export interface LoadOptions {
  /** Callbacks sent in all, duplicates included. */
  deliveries: number;
  /** Share of deliveries that repeat an event already in the burst. */
  duplicateShare: number;
  /** Concurrent clients, each with its own keep-alive agent. */
  clients: number;
  /** Callback server processes sharing one Redis. */
  servers: number;
  /** Give up after this many milliseconds. */
  deadlineMs: number;
}

/** What the burst did. */
export interface LoadResult {
  options: LoadOptions;
  uniqueEvents: number;
  duplicateDeliveries: number;
  acknowledged: number;
  notAcknowledged: number;
  retries: number;
  retryStatuses: Record<string, number>;
  handledCalls: number;
  handledTwice: string[];
  lost: string[];
  perServer: { handled: number; refusals: Record<string, number> }[];
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  seconds: number;
  deliveriesPerSecond: number;
}

interface Delivery {
  key: string;
  path: '/notify/v2' | '/notify/v3';
  body: string;
  headers: Record<string, string>;
}

const API_V3_KEY = 'L0adT3stK3yApIv3L0adT3stK3y32byt';
const V2_KEY = 'L0adT3stV2K3yL0adT3stV2K3yL0ad32';
const SERIAL = 'PUB_KEY_ID_0114232134912410000000000001';

function events(count: number): Delivery[] {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const out: Delivery[] = [];
  for (let i = 0; i < count; i++) {
    const transactionId = `42000${String(i).padStart(23, '0')}`;
    const outTradeNo = `LOAD${String(i).padStart(10, '0')}`;
    if (i % 2 === 0) {
      const body = signXml(
        {
          return_code: 'SUCCESS',
          result_code: 'SUCCESS',
          appid: 'wx2421b1c4370ec43b',
          mch_id: '10000100',
          nonce_str: randomBytes(8).toString('hex'),
          out_trade_no: outTradeNo,
          total_fee: 100 + i,
          transaction_id: transactionId,
        },
        V2_KEY,
        'HMAC-SHA256',
      );
      out.push({ key: `v2:${transactionId}:payment`, path: '/notify/v2', body, headers: {} });
      continue;
    }
    const id = `EV-${randomBytes(8).toString('hex')}-${i}`;
    const resource = encryptResource(
      JSON.stringify({
        mchid: '1230000109',
        appid: 'wxd678efh567hg6787',
        out_trade_no: outTradeNo,
        transaction_id: transactionId,
        trade_state: 'SUCCESS',
        amount: { total: 100 + i },
      }),
      API_V3_KEY,
      { associatedData: 'transaction' },
    );
    const body = JSON.stringify({
      id,
      event_type: 'TRANSACTION.SUCCESS',
      resource_type: 'encrypt-resource',
      resource: { original_type: 'transaction', ...resource },
    });
    const headers = signResponse({ body, privateKey, serial: SERIAL, timestamp: now });
    out.push({ key: `v3:${id}`, path: '/notify/v3', body, headers: { ...headers } });
  }
  (out as unknown as { publicKeyPem: string }).publicKeyPem = publicKey.export({
    type: 'spki',
    format: 'pem',
  }) as string;
  return out;
}

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomBytes(4).readUInt32BE() % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function startServer(
  config: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(import.meta.dirname, 'load-server.ts'), [], {
    execArgv: ['--conditions=@qqwxpay/source', '--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`load server exited with ${code}`)));
    child.once('message', (message: { port: number }) => resolve({ child, port: message.port }));
    child.send(config);
  });
}

function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message as T));
    child.send({ type });
  });
}

function post(agent: Agent, port: number, d: Delivery): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: d.path,
        agent,
        headers: {
          ...d.headers,
          'content-type': d.path === '/notify/v2' ? 'text/xml' : 'application/json',
          'content-length': String(Buffer.byteLength(d.body)),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(d.body);
  });
}

const acked = (d: Delivery, r: { status: number; body: string }) =>
  d.path === '/notify/v3'
    ? r.status >= 200 && r.status < 300
    : r.status === 200 && r.body.includes('SUCCESS');

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const value = sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return Math.round(value * 100) / 100;
}

/**
 * Sends a burst of authentic V2 and V3 callbacks, with duplicates, from several keep-alive
 * clients to callback servers in separate processes sharing a Redis-backed dedupe, all on
 * loopback; a refused delivery is sent again as WeChat Pay would. Counts what was handled where.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const unique = Math.round(options.deliveries * (1 - options.duplicateShare));
  const base = events(unique);
  const publicKeyPem = (base as unknown as { publicKeyPem: string }).publicKeyPem;
  const repeats = Array.from(
    { length: options.deliveries - unique },
    () => base[randomBytes(4).readUInt32BE() % unique] as Delivery,
  );
  const queue = shuffled([...base, ...repeats]);

  const redis = await startRedis();
  const servers: { child: ChildProcess; port: number }[] = [];
  try {
    for (let i = 0; i < options.servers; i++) {
      servers.push(
        await startServer({
          socket: redis.socket,
          prefix: `load:${process.pid}:`,
          serial: SERIAL,
          publicKeyPem,
          apiV3Key: API_V3_KEY,
          v2Key: V2_KEY,
        }),
      );
    }

    const latencies: number[] = [];
    const retryStatuses: Record<string, number> = {};
    let retries = 0;
    let acknowledged = 0;
    let next = 0;
    const started = performance.now();
    const deadline = started + options.deadlineMs;

    const client = async (index: number) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 2 });
      try {
        while (next < queue.length && performance.now() < deadline) {
          const d = queue[next++] as Delivery;
          for (let attempt = 0; performance.now() < deadline; attempt++) {
            const server = servers[(index + attempt) % servers.length] as { port: number };
            const t0 = performance.now();
            const response = await post(agent, server.port, d);
            latencies.push(performance.now() - t0);
            if (acked(d, response)) {
              acknowledged += 1;
              break;
            }
            retries += 1;
            retryStatuses[response.status] = (retryStatuses[response.status] ?? 0) + 1;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        }
      } finally {
        agent.destroy();
      }
    };
    await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
    const seconds = (performance.now() - started) / 1000;

    const reports = await Promise.all(
      servers.map((s) =>
        ask<{ handled: string[]; refusals: Record<string, number> }>(s.child, 'report'),
      ),
    );
    const counts = new Map<string, number>();
    for (const r of reports)
      for (const key of r.handled) counts.set(key, (counts.get(key) ?? 0) + 1);
    latencies.sort((a, b) => a - b);
    return {
      options,
      uniqueEvents: unique,
      duplicateDeliveries: repeats.length,
      acknowledged,
      notAcknowledged: queue.length - acknowledged,
      retries,
      retryStatuses,
      handledCalls: reports.reduce((n, r) => n + r.handled.length, 0),
      handledTwice: [...counts].filter(([, n]) => n > 1).map(([key]) => key),
      lost: base.map((d) => d.key).filter((key) => !counts.has(key)),
      perServer: reports.map((r) => ({ handled: r.handled.length, refusals: r.refusals })),
      latencyMs: {
        p50: percentile(latencies, 50),
        p90: percentile(latencies, 90),
        p99: percentile(latencies, 99),
        max: percentile(latencies, 100),
      },
      seconds: Math.round(seconds * 100) / 100,
      deliveriesPerSecond: Math.round(queue.length / seconds),
    };
  } finally {
    await Promise.all(
      servers.map(
        (s) =>
          new Promise((resolve) => {
            s.child.once('exit', resolve);
            s.child.send({ type: 'stop' });
          }),
      ),
    );
    await redis.stop();
  }
}
