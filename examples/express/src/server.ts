import { createPrivateKey, randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { VerifierStore } from '@qqwxpay/codec-v3';
import { Deduper, expressNotify, MemoryLeaseStore } from '@qqwxpay/notify-verify';
import {
  parseV2ProxyResponse,
  parseV3ProxyResponse,
  prepareV2Order,
  prepareV3Order,
  QQ_PROXY_BASE,
  TokenCache,
} from '@qqwxpay/proxy-url';
import express from 'express';

/** The QQ app, the WeChat Pay merchant and its keys (PEM), and where QQ's backend is. */
export interface ShopConfig {
  qqBaseUrl: string; // https://api.q.qq.com in production; the sandbox's QQ side in tests
  qqAppId: string;
  qqSecret: string;
  wechatAppId: string;
  mchid: string;
  apiKey: string;
  apiV3Key: string;
  merchantSerial: string;
  merchantPrivateKey: string;
  platformCertificate: string;
  publicUrl?: string; // this server's public origin, for real_notify_url; its own when absent
}

/** Starts the shop on 127.0.0.1: `POST /orders`, `GET /orders/:outTradeNo`, `POST /notify/v2|v3`. */
export async function startShop(
  config: ShopConfig,
  port = 0,
): Promise<{ url: string; close(): Promise<void> }> {
  const verifiers = new VerifierStore();
  verifiers.addCertificate(config.platformCertificate);
  const privateKey = createPrivateKey(config.merchantPrivateKey);
  const toQq = (url: string) => url.replace(QQ_PROXY_BASE, config.qqBaseUrl);
  const tokens = new TokenCache({
    appId: config.qqAppId,
    secret: config.qqSecret,
    fetch: (url, init) => fetch(toQq(url), init),
  });
  const orders = new Map<string, { total: number; handled: number; transactionId?: string }>();
  const dedupe = new Deduper(new MemoryLeaseStore()); // RedisStore when several processes serve

  // The shop's work for a verified payment; false refuses it, so WeChat Pay sends it again.
  // Other events (refunds) are acknowledged and left alone here.
  const markPaid = (outTradeNo: string, total: number, transactionId: string) => {
    const order = orders.get(outTradeNo);
    if (order?.total !== total) return false;
    Object.assign(order, { handled: order.handled + 1, transactionId });
  };

  const app = express();
  // Callbacks on the raw body, before any JSON parser: a parsed body cannot be verified.
  app.post(
    '/notify/v3',
    express.raw({ type: () => true }),
    expressNotify({
      version: 'v3',
      apiV3Key: config.apiV3Key,
      verifiers,
      dedupe,
      onEvent: ({ kind, resource }) =>
        kind !== 'transaction' ||
        markPaid(resource.out_trade_no, resource.amount.total, resource.transaction_id),
    }),
  );
  app.post(
    '/notify/v2',
    express.raw({ type: () => true }),
    expressNotify({
      version: 'v2',
      key: config.apiKey,
      dedupe,
      onEvent: (event) =>
        event.kind !== 'payment' ||
        !event.success ||
        markPaid(
          event.fields.out_trade_no!,
          Number(event.fields.total_fee),
          event.fields.transaction_id!,
        ),
    }),
  );

  app.post('/orders', express.json(), async (req, res) => {
    const { total, version = 'v3' } = req.body as { total: number; version?: 'v2' | 'v3' };
    const outTradeNo = `T${Date.now()}${randomInt(1000, 10000)}`;
    const ip = req.ip ?? '127.0.0.1';
    const origin = config.publicUrl ?? `http://${req.get('host')}`;
    const realNotifyUrl = `${origin}/notify/${version}`;
    const qq = { qqAppId: config.qqAppId, accessToken: await tokens.get(), realNotifyUrl };
    const request =
      version === 'v3'
        ? prepareV3Order(
            'v3-h5',
            {
              appid: config.wechatAppId,
              mchid: config.mchid,
              description: 'Green tea',
              out_trade_no: outTradeNo,
              amount: { total, currency: 'CNY' },
              scene_info: { payer_client_ip: ip, h5_info: { type: 'Wap' } },
            },
            { ...qq, signer: { serial: config.merchantSerial, privateKey } },
          )
        : prepareV2Order(
            {
              appid: config.wechatAppId,
              mch_id: config.mchid,
              body: 'Green tea',
              out_trade_no: outTradeNo,
              total_fee: total,
              spbill_create_ip: ip,
              scene_info: { h5_info: { type: 'Wap', wap_url: origin, wap_name: 'Tea' } },
            },
            { ...qq, key: config.apiKey },
          );
    const sent = await fetch(toQq(request.url), request);
    const answer = { status: sent.status, headers: sent.headers, body: await sent.text() };
    const h5Url =
      version === 'v3'
        ? parseV3ProxyResponse(answer, { verifiers }).h5Url
        : parseV2ProxyResponse(answer, { key: config.apiKey }).mwebUrl;
    orders.set(outTradeNo, { total, handled: 0 });
    res.status(201).json({ outTradeNo, h5Url });
  });

  app.get('/orders/:outTradeNo', (req, res) => {
    const order = orders.get(req.params.outTradeNo);
    if (order === undefined) res.status(404).json({ error: 'no such order' });
    else res.json({ outTradeNo: req.params.outTradeNo, paid: order.handled > 0, ...order });
  });

  const server = app.listen(port, '127.0.0.1');
  await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}
