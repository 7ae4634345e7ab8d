import { createPrivateKey, randomInt } from 'node:crypto';
import { VerifierStore } from '@qqwxpay/codec-v3';
import { Deduper, fetchNotify, MemoryLeaseStore } from '@qqwxpay/notify-verify';
import {
  parseV3ProxyResponse,
  prepareV3Order,
  QQ_PROXY_BASE,
  TokenCache,
} from '@qqwxpay/proxy-url';

/** An order as the shop keeps it (in memory here; a database in a real shop). */
export interface Order {
  total: number;
  handled: number;
  transactionId?: string;
}

/** What the route handlers share, built once from the environment on first use. */
export interface Shop {
  placeOrder(
    total: number,
    clientIp: string,
    origin: string,
  ): Promise<{ outTradeNo: string; h5Url: string }>;
  orders: Map<string, Order>;
  notify(request: Request): Promise<Response>;
}

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

function createShop(): Shop {
  const qqBaseUrl = env('QQ_BASE_URL'); // https://api.q.qq.com in production
  const qqAppId = env('QQ_APP_ID');
  const verifiers = new VerifierStore();
  verifiers.addCertificate(env('WXPAY_PLATFORM_CERT'));
  const signer = {
    serial: env('WXPAY_MERCHANT_SERIAL'),
    privateKey: createPrivateKey(env('WXPAY_MERCHANT_KEY')),
  };
  const toQq = (url: string) => url.replace(QQ_PROXY_BASE, qqBaseUrl);
  const tokens = new TokenCache({
    appId: qqAppId,
    secret: env('QQ_SECRET'),
    fetch: (url, init) => fetch(toQq(url), init),
  });
  const orders = new Map<string, Order>();

  const placeOrder = async (total: number, clientIp: string, origin: string) => {
    const outTradeNo = `T${Date.now()}${randomInt(1000, 10000)}`;
    const body = {
      appid: env('WECHAT_APPID'),
      mchid: env('WXPAY_MCHID'),
      description: 'Green tea',
      out_trade_no: outTradeNo,
      amount: { total, currency: 'CNY' },
      scene_info: { payer_client_ip: clientIp, h5_info: { type: 'Wap' } },
    };
    const proxied = prepareV3Order('v3-h5', body, {
      qqAppId,
      accessToken: await tokens.get(),
      signer,
      realNotifyUrl: `${process.env.PUBLIC_URL ?? origin}/api/notify/v3`,
    });
    const sent = await fetch(toQq(proxied.url), proxied);
    const answer = { status: sent.status, headers: sent.headers, body: await sent.text() };
    const { h5Url } = parseV3ProxyResponse(answer, { verifiers });
    orders.set(outTradeNo, { total, handled: 0 });
    return { outTradeNo, h5Url };
  };

  const notify = fetchNotify({
    version: 'v3',
    apiV3Key: env('WXPAY_APIV3_KEY'),
    verifiers,
    dedupe: new Deduper(new MemoryLeaseStore()), // RedisStore when several instances serve
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

  return { placeOrder, orders, notify };
}

let shop: Shop | undefined;

/** The shop, created from the environment on first use. */
export function getShop(): Shop {
  shop ??= createShop();
  return shop;
}
