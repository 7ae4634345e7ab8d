import { decodeXml } from '@qqwxpay/codec-v2';
import type { SandboxContext } from '../internal/context.ts';
import { endToEndHeaders, isLoopbackUrl, send } from '../internal/http-client.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';

const V3_NOTIFY = /^\/wxpay\/v3\/notify\/([^/]+)\/([^/]+)$/;

/** Tells whether `path` is one of QQ's notify endpoints. */
export function isNotifyPath(path: string): boolean {
  return path === '/wxpay/notify' || V3_NOTIFY.test(path);
}

function orderOf(request: Incoming): { mchid: string; outTradeNo: string } | undefined {
  const v3 = V3_NOTIFY.exec(request.path);
  if (v3 !== null) {
    return { mchid: decodeURIComponent(v3[1] ?? ''), outTradeNo: decodeURIComponent(v3[2] ?? '') };
  }
  try {
    const fields = decodeXml(request.body);
    if (fields.mch_id !== undefined && fields.out_trade_no !== undefined) {
      return { mchid: fields.mch_id, outTradeNo: fields.out_trade_no };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * QQ's notify endpoints, `/wxpay/notify` (V2) and `/wxpay/v3/notify/{MCH_ID}/{OUT_TRADE_NO}`:
 * finds the order that went through the proxy and forwards the callback byte for byte, headers
 * included, to its `real_notify_url` or else the app's configured address; answers with the
 * merchant's answer, so WeChat Pay sees whether it was acknowledged.
 */
export async function forwardNotify(context: SandboxContext, request: Incoming): Promise<Reply> {
  if (request.method !== 'POST') return { status: 405, body: 'method not allowed' };
  const order = orderOf(request);
  const route = order && context.routes.get(order.mchid, order.outTradeNo);
  if (route === undefined) return { status: 404, body: 'no proxied order for this callback' };

  const target = route.realNotifyUrl ?? context.apps.get(route.qqAppId)?.notifyUrl;
  if (target === undefined) return { status: 502, body: 'no notify address for this order' };
  if (!context.allowRemoteCallbacks && !isLoopbackUrl(target)) {
    context.emit({ side: 'qq', kind: 'forward-refused', note: 'callback target is not loopback' });
    return { status: 502, body: 'callback target not allowed' };
  }

  const answer = await send({
    method: 'POST',
    url: target,
    headers: endToEndHeaders(request.headers),
    body: request.body,
    timeoutMs: context.callbackTimeoutMs,
  }).catch(() => undefined);
  if (answer === undefined) return { status: 504, body: 'merchant did not answer' };
  context.emit({
    side: 'qq',
    kind: 'forwarded',
    path: new URL(target).pathname,
    status: answer.status,
  });
  return { status: answer.status, headers: endToEndHeaders(answer.headers), body: answer.body };
}
