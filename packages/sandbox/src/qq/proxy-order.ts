import { decodeXml } from '@qqwxpay/codec-v2';
import { isQqHostUrl, isValidNotifyUrl } from '@qqwxpay/proxy-url';
import type { SandboxContext } from '../internal/context.ts';
import { endToEndHeaders, send } from '../internal/http-client.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import { qqReply } from './reply.ts';

/** The real QQ origin: the notify URLs orders must carry name it, whatever the sandbox's port. */
export const QQ_ORIGIN = 'https://api.q.qq.com';

/** The four proxied order endpoints and how QQ reads the merchant and order number from each. */
const ORDER_ENDPOINTS: Readonly<
  Record<
    string,
    { version: 'v2' | 'v3'; mchidField: string; outTradeNoField: string; wechatPath?: string }
  >
> = {
  '/wxpay/unifiedorder': {
    version: 'v2',
    mchidField: 'mch_id',
    outTradeNoField: 'out_trade_no',
    wechatPath: '/pay/unifiedorder',
  },
  '/wxpay/v3/pay/transactions/h5': {
    version: 'v3',
    mchidField: 'mchid',
    outTradeNoField: 'out_trade_no',
  },
  '/wxpay/v3/pay/partner/transactions/h5': {
    version: 'v3',
    mchidField: 'sp_mchid',
    outTradeNoField: 'out_trade_no',
  },
  '/wxpay/v3/combine-transactions/h5': {
    version: 'v3',
    mchidField: 'combine_mchid',
    outTradeNoField: 'combine_out_trade_no',
  },
};

/** Tells whether `path` is one of QQ's proxied order endpoints. */
export function isProxyOrderPath(path: string): boolean {
  return Object.hasOwn(ORDER_ENDPOINTS, path);
}

function readBody(version: 'v2' | 'v3', body: Buffer): Record<string, unknown> | undefined {
  try {
    if (version === 'v2') return decodeXml(body);
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The `notify_url` QQ requires in the body of an order of `mchid` numbered `outTradeNo`. */
export function requiredNotifyUrl(version: 'v2' | 'v3', mchid: string, outTradeNo: string): string {
  if (version === 'v2') return `${QQ_ORIGIN}/wxpay/notify`;
  return `${QQ_ORIGIN}/wxpay/v3/notify/${mchid}/${outTradeNo}`;
}

/**
 * One of QQ's four proxied order endpoints. Checks, in QQ's order: the appid is present (41002)
 * and known (40013), the access token present (41001) and valid for it (40001, expired 42001),
 * `real_notify_url` well formed (40097); the body parses (9034); the merchant
 * is bound to the app (9030); WeChat Pay is enabled for the app (9032); the body's `notify_url`
 * is QQ's for the order (9031). Then forwards the body and headers unchanged to WeChat Pay's own
 * path (V3: the path without `/wxpay`; V2: `/pay/unifiedorder`), without the query, and answers
 * WeChat Pay's answer unchanged.
 */
export async function proxyOrder(context: SandboxContext, request: Incoming): Promise<Reply> {
  const endpoint = ORDER_ENDPOINTS[request.path];
  if (endpoint === undefined) return { status: 404, body: 'not found' };
  if (request.method !== 'POST') return { status: 405, body: 'method not allowed' };
  const { query } = request;

  const appId = query.get('appid');
  if (!appId) return qqReply(41002);
  const app = context.apps.get(appId);
  if (app === undefined) return qqReply(40013);
  const accessToken = query.get('access_token');
  if (!accessToken) return qqReply(41001);
  const token = context.tokens.check(app.appId, accessToken);
  if (token === 'expired') return qqReply(42001);
  if (token !== 'valid') return qqReply(40001);
  const realNotifyUrl = query.get('real_notify_url') ?? undefined;
  if (
    realNotifyUrl !== undefined &&
    (!isValidNotifyUrl(realNotifyUrl) || isQqHostUrl(realNotifyUrl))
  ) {
    return qqReply(40097);
  }

  const body = readBody(endpoint.version, request.body);
  if (body === undefined) return qqReply(9034);

  const mchid = body[endpoint.mchidField];
  if (typeof mchid !== 'string' || !app.boundMchids.includes(mchid)) return qqReply(9030);
  if (!app.wechatPayEnabled) return qqReply(9032);

  const outTradeNo = body[endpoint.outTradeNoField];
  const notifyUrl = body.notify_url;
  if (
    typeof outTradeNo !== 'string' ||
    notifyUrl !== requiredNotifyUrl(endpoint.version, mchid, outTradeNo)
  ) {
    return qqReply(9031);
  }

  const answer = await send({
    method: 'POST',
    url: `${context.wechatBaseUrl}${endpoint.wechatPath ?? request.path.slice('/wxpay'.length)}`,
    headers: endToEndHeaders(request.headers),
    body: request.body,
    timeoutMs: 10_000,
  }).catch(() => undefined);
  if (answer === undefined) return qqReply(-1, { errmsg: 'system error' });

  if (answer.status >= 200 && answer.status < 300) {
    context.routes.set(mchid, outTradeNo, { qqAppId: app.appId, realNotifyUrl });
  }
  return { status: answer.status, headers: endToEndHeaders(answer.headers), body: answer.body };
}
