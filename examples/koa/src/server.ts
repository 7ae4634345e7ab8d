import { createPrivateKey, randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { json } from 'node:stream/consumers';
import { VerifierStore } from '@qqwxpay/codec-v3';
import { Deduper, koaNotify, MemoryLeaseStore } from '@qqwxpay/notify-verify';
import {
  parseV3ProxyResponse,
  prepareV3Order,
  QQ_PROXY_BASE,
  TokenCache,
} from '@qqwxpay/proxy-url';
import Koa from 'koa';

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

/** Starts the shop on 127.0.0.1: `POST /orders`, `GET /orders/:outTradeNo`, `POST /notify/v3`. */
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

  // Reads the raw body itself; behind koa-bodyparser it takes the parser's rawBody.
  const notify = koaNotify({
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

  const placeOrder = async (ctx: Koa.Context) => {
    const { total } = (await json(ctx.req)) as { total: number };
    const outTradeNo = `T${Date.now()}${randomInt(1000, 10000)}`;
    const body = {
      appid: config.wechatAppId,
      mchid: config.mchid,
      description: 'Green tea',
      out_trade_no: outTradeNo,
      amount: { total, currency: 'CNY' },
      scene_info: { payer_client_ip: ctx.ip, h5_info: { type: 'Wap' } },
    };
    const proxied = prepareV3Order('v3-h5', body, {
      qqAppId: config.qqAppId,
      accessToken: await tokens.get(),
      signer,
      realNotifyUrl: `${config.publicUrl ?? `${ctx.protocol}://${ctx.host}`}/notify/v3`,
    });
    const sent = await fetch(toQq(proxied.url), proxied);
    const answer = { status: sent.status, headers: sent.headers, body: await sent.text() };
    const { h5Url } = parseV3ProxyResponse(answer, { verifiers });
    orders.set(outTradeNo, { total, handled: 0 });
    ctx.status = 201;
    ctx.body = { outTradeNo, h5Url };
  };

  const app = new Koa();
  app.use(async (ctx) => {
    const outTradeNo = /^\/orders\/([\w-]+)$/.exec(ctx.path)?.[1];
    if (ctx.method === 'POST' && ctx.path === '/notify/v3') return notify(ctx);
    if (ctx.method === 'POST' && ctx.path === '/orders') return placeOrder(ctx);
    const order = outTradeNo === undefined ? undefined : orders.get(outTradeNo);
    if (ctx.method === 'GET' && order !== undefined) {
      ctx.body = { outTradeNo, paid: order.handled > 0, ...order };
    } else ctx.status = 404;
  });

  const server = app.listen(port, '127.0.0.1');
  await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}
