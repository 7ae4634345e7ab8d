import { createPrivateKey, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { json } from 'node:stream/consumers';
import { VerifierStore } from '@qqwxpay/codec-v3';
import { Deduper, MemoryLeaseStore, nodeHttpNotify } from '@qqwxpay/notify-verify';
import {
  parseV3ProxyResponse,
  prepareV3Order,
  QQ_PROXY_BASE,
  TokenCache,
} from '@qqwxpay/proxy-url';

/** The QQ app, the WeChat Pay merchant and its keys (PEM), and where QQ's backend is. */
export interface ShopConfig {
  qqBaseUrl: string; // https://api.q.qq.com in production; the sandbox's QQ side in tests
  qqAppId: string;
  qqSecret: string;
  wechatAppId: string;
  mchid: string;
  apiV3Key: string;
  merchantSerial: string;
  merchantPrivateKey: string;
  platformCertificate: string;
  publicUrl?: string; // this server's public origin, for real_notify_url; its own when absent
}

/** Starts the shop on 127.0.0.1: `POST /orders`, `GET /orders/{outTradeNo}`, `POST /notify/v3`. */
export async function startShop(
  config: ShopConfig,
  port = 0,
): Promise<{ url: string; close(): Promise<void> }> {
  const verifiers = new VerifierStore();
  verifiers.addCertificate(config.platformCertificate);
  const signer = {
    serial: config.merchantSerial,
    privateKey: createPrivateKey(config.merchantPrivateKey),
  };
  const toQq = (url: string) => url.replace(QQ_PROXY_BASE, config.qqBaseUrl);
  const tokens = new TokenCache({
    appId: config.qqAppId,
    secret: config.qqSecret,
    fetch: (url, init) => fetch(toQq(url), init),
  });
  const orders = new Map<string, { total: number; handled: number; transactionId?: string }>();

  // Reads the raw body (64 KiB at most), verifies, decrypts, runs onEvent, answers.
  const notify = nodeHttpNotify({
    version: 'v3',
    apiV3Key: config.apiV3Key,
    verifiers,
    dedupe: new Deduper(new MemoryLeaseStore()), // RedisStore when several processes serve
    // Runs once per verified event; false refuses it, so WeChat Pay sends it again.
    // Other events (refunds) are acknowledged and left alone here.
    onEvent: ({ kind, resource }) => {
      if (kind !== 'transaction') return;
      const order = orders.get(resource.out_trade_no);
      if (order?.total !== resource.amount.total) return false;
      order.handled += 1;
      order.transactionId = resource.transaction_id;
    },
  });

  const placeOrder = async (req: IncomingMessage) => {
    const { total } = (await json(req)) as { total: number };
    const outTradeNo = `T${Date.now()}${randomInt(1000, 10000)}`;
    const body = {
      appid: config.wechatAppId,
      mchid: config.mchid,
      description: 'Green tea',
      out_trade_no: outTradeNo,
      amount: { total, currency: 'CNY' },
      scene_info: { payer_client_ip: req.socket.remoteAddress, h5_info: { type: 'Wap' } },
    };
    const proxied = prepareV3Order('v3-h5', body, {
      qqAppId: config.qqAppId,
      accessToken: await tokens.get(),
      signer,
      realNotifyUrl: `${config.publicUrl ?? `http://${req.headers.host}`}/notify/v3`,
    });
    const sent = await fetch(toQq(proxied.url), proxied);
    const answer = { status: sent.status, headers: sent.headers, body: await sent.text() };
    const { h5Url } = parseV3ProxyResponse(answer, { verifiers });
    orders.set(outTradeNo, { total, handled: 0 });
    return { outTradeNo, h5Url };
  };

  const reply = (res: ServerResponse, status: number, value: unknown) =>
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const outTradeNo = /^\/orders\/([\w-]+)$/.exec(path)?.[1];
    const order = outTradeNo === undefined ? undefined : orders.get(outTradeNo);
    if (req.method === 'POST' && path === '/notify/v3') await notify(req, res);
    else if (req.method === 'POST' && path === '/orders') reply(res, 201, await placeOrder(req));
    else if (req.method === 'GET' && order !== undefined) {
      reply(res, 200, { outTradeNo, paid: order.handled > 0, ...order });
    } else reply(res, 404, { error: 'not found' });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) reply(res, 500, { error: 'internal error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}
