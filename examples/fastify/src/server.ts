import { createPrivateKey, randomInt } from 'node:crypto';
import { VerifierStore } from '@qqwxpay/codec-v3';
import { Deduper, fastifyNotify, MemoryLeaseStore } from '@qqwxpay/notify-verify';
import {
  parseV3ProxyResponse,
  prepareV3Order,
  QQ_PROXY_BASE,
  TokenCache,
} from '@qqwxpay/proxy-url';
import Fastify from 'fastify';

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

  const app = Fastify();
  // The plugin keeps a raw-body parser to itself, so the rest of the app still parses JSON.
  await app.register(
    fastifyNotify({
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
    }),
    { prefix: '/notify/v3' },
  );

  app.post<{ Body: { total: number } }>('/orders', async (request, reply) => {
    const { total } = request.body;
    const outTradeNo = `T${Date.now()}${randomInt(1000, 10000)}`;
    const body = {
      appid: config.wechatAppId,
      mchid: config.mchid,
      description: 'Green tea',
      out_trade_no: outTradeNo,
      amount: { total, currency: 'CNY' },
      scene_info: { payer_client_ip: request.ip, h5_info: { type: 'Wap' } },
    };
    const proxied = prepareV3Order('v3-h5', body, {
      qqAppId: config.qqAppId,
      accessToken: await tokens.get(),
      signer,
      realNotifyUrl: `${config.publicUrl ?? `http://${request.host}`}/notify/v3`,
    });
    const sent = await fetch(toQq(proxied.url), proxied);
    const answer = { status: sent.status, headers: sent.headers, body: await sent.text() };
    const { h5Url } = parseV3ProxyResponse(answer, { verifiers });
    orders.set(outTradeNo, { total, handled: 0 });
    return reply.code(201).send({ outTradeNo, h5Url });
  });

  app.get<{ Params: { outTradeNo: string } }>('/orders/:outTradeNo', async (request, reply) => {
    const { outTradeNo } = request.params;
    const order = orders.get(outTradeNo);
    if (order === undefined) return reply.code(404).send({ error: 'no such order' });
    return { outTradeNo, paid: order.handled > 0, ...order };
  });

  const url = await app.listen({ port, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}
