import type { SandboxContext } from '../internal/context.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import { control } from './control.ts';
import { PAY_PAGE_PATH, payPage } from './pay-page.ts';
import { v2CloseOrder, v2OrderQuery } from './v2-order-query.ts';
import { v2Refund } from './v2-refund.ts';
import { v2RefundQuery } from './v2-refund-query.ts';
import { v2UnifiedOrder } from './v2-unified-order.ts';
import { v3Router } from './v3-router.ts';

type Route = (context: SandboxContext, request: Incoming) => Promise<Reply>;

const V2_ROUTES: Readonly<Record<string, Route>> = {
  '/pay/unifiedorder': v2UnifiedOrder,
  '/pay/orderquery': v2OrderQuery,
  '/pay/closeorder': v2CloseOrder,
  '/secapi/pay/refund': v2Refund,
  '/pay/refundquery': v2RefundQuery,
};

/** WeChat Pay: the V2 and V3 endpoints, the pay page, and the sandbox's own control endpoints. */
export async function wechatRouter(context: SandboxContext, request: Incoming): Promise<Reply> {
  let reply: Reply;
  const v2 = V2_ROUTES[request.path];
  if (v2 !== undefined) {
    reply = request.method === 'POST' ? await v2(context, request) : { status: 405, body: '' };
  } else if (request.path === PAY_PAGE_PATH) {
    reply = await payPage(context, request);
  } else if (request.path.startsWith('/v3/')) {
    reply = await v3Router(context, request);
  } else if (request.path.startsWith('/_sandbox/')) {
    reply = await control(context, request);
  } else {
    reply = { status: 404, body: 'not found' };
  }
  context.emit({
    side: 'wechat',
    kind: 'request',
    method: request.method,
    path: request.path,
    status: reply.status,
  });
  return reply;
}
