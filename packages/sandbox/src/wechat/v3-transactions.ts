import type { Merchant, SandboxContext } from '../internal/context.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import type { OrderRecord } from './order-store.ts';
import { transactionView } from './transaction-view.ts';
import { checkAuthorization } from './v3-authorization.ts';
import { readJson, v3Error, v3Signed } from './v3-reply.ts';

const DIRECT = /^\/v3\/pay\/transactions\/(out-trade-no|id)\/([^/]+)(\/close)?$/;
const PARTNER = /^\/v3\/pay\/partner\/transactions\/(out-trade-no|id)\/([^/]+)(\/close)?$/;
const COMBINE = /^\/v3\/combine-transactions\/out-trade-no\/([^/]+)(\/close)?$/;

/** Tells whether `path` is a V3 query or close of an order. */
export function isTransactionPath(path: string): boolean {
  return DIRECT.test(path) || PARTNER.test(path) || COMBINE.test(path);
}

function notFound(): Reply {
  return v3Error(404, 'ORDER_NOT_EXIST', 'the order does not exist');
}

function close(merchant: Merchant, order: OrderRecord): Reply {
  if (order.state === 'SUCCESS' || order.state === 'REFUND') {
    return v3Error(400, 'ORDERPAID', 'the order is paid and cannot be closed');
  }
  order.state = 'CLOSED';
  return v3Signed(merchant, 204);
}

function find(
  context: SandboxContext,
  merchant: Merchant,
  request: Incoming,
): { order: OrderRecord | undefined; closing: boolean } | Reply {
  const mchid = merchant.config.mchid;
  const closing = request.method === 'POST';
  const claimed = closing ? readJson(request.body) : Object.fromEntries(request.query);
  if (claimed === undefined) return v3Error(400, 'PARAM_ERROR', 'body is not a JSON object');

  const direct = DIRECT.exec(request.path);
  if (direct !== null) {
    if (claimed.mchid !== mchid) return v3Error(400, 'PARAM_ERROR', "mchid is not the signer's");
    const key = decodeURIComponent(direct[2] ?? '');
    const order =
      direct[1] === 'id'
        ? context.orders.byTransactionId(mchid, key)
        : context.orders.get(mchid, key);
    const usable = order?.api === 'v3-h5' || order?.api === 'v2-unifiedorder';
    return { order: usable ? order : undefined, closing: direct[3] !== undefined };
  }
  const partner = PARTNER.exec(request.path);
  if (partner !== null) {
    if (claimed.sp_mchid !== mchid)
      return v3Error(400, 'PARAM_ERROR', "sp_mchid is not the signer's");
    const key = decodeURIComponent(partner[2] ?? '');
    const order =
      partner[1] === 'id'
        ? context.orders.byTransactionId(mchid, key)
        : context.orders.get(mchid, key);
    const usable = order?.api === 'v3-partner-h5' && order.subMchid === claimed.sub_mchid;
    return { order: usable ? order : undefined, closing: partner[3] !== undefined };
  }
  const combine = COMBINE.exec(request.path);
  const order = context.orders.get(mchid, decodeURIComponent(combine?.[1] ?? ''));
  return {
    order: order?.api === 'v3-combine-h5' ? order : undefined,
    closing: combine?.[2] !== undefined,
  };
}

/**
 * WeChat Pay's V3 queries and closes, straight to WeChat Pay (QQ does not proxy them): direct
 * (`/v3/pay/transactions/…`), partner and combine orders, by order number or transaction id.
 * The merchant ids in the query or body must be the signer's. Close answers 204.
 */
export async function v3Transactions(context: SandboxContext, request: Incoming): Promise<Reply> {
  const merchant = checkAuthorization(context, request);
  if ('status' in merchant) return merchant;
  const found = find(context, merchant, request);
  if ('status' in found) return found;
  const { order, closing } = found;
  if (closing !== (request.method === 'POST'))
    return v3Error(405, 'METHOD_NOT_ALLOWED', 'wrong method');
  if (order === undefined) return notFound();
  if (closing) return close(merchant, order);
  return v3Signed(merchant, 200, transactionView(order));
}
