import type { SandboxContext } from '../internal/context.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import { beijing } from '../internal/ids.ts';
import type { OrderRecord, RefundRecord, SubOrder } from './order-store.ts';
import { createRefund } from './refunds.ts';
import { checkAuthorization } from './v3-authorization.ts';
import { readJson, v3Error, v3Signed } from './v3-reply.ts';
import { paramMessage, type V3Refund, v3RefundSchema } from './v3-schemas.ts';

const REFUND_PATH = /^\/v3\/refund\/domestic\/refunds(?:\/([^/]+))?$/;

const REFUSALS = {
  ORDER_NOT_PAID: [400, 'INVALID_REQUEST', 'the order is not paid'],
  AMOUNT_MISMATCH: [400, 'PARAM_ERROR', 'amount.total is not the order total'],
  NOT_ENOUGH: [403, 'NOT_ENOUGH', 'the refund is more than what remains'],
  DUPLICATE_MISMATCH: [400, 'INVALID_REQUEST', 'out_refund_no already used with another amount'],
} as const;

/**
 * The order a refund is for: the signer's direct order (or a V2 one), a sub-merchant's partner
 * order when `sub_mchid` is given, or else a combine sub-order of the signer.
 */
function findTarget(
  context: SandboxContext,
  mchid: string,
  body: V3Refund,
): { order: OrderRecord; subOrder: SubOrder | undefined } | undefined {
  const byNumber = body.transaction_id === undefined;
  const order = byNumber
    ? context.orders.get(mchid, body.out_trade_no ?? '')
    : context.orders.byTransactionId(mchid, body.transaction_id ?? '');
  if (body.sub_mchid !== undefined) {
    const partner = order?.api === 'v3-partner-h5' && order.subMchid === body.sub_mchid;
    return partner && order !== undefined ? { order, subOrder: undefined } : undefined;
  }
  if (order !== undefined && (order.api === 'v3-h5' || order.api === 'v2-unifiedorder')) {
    return { order, subOrder: undefined };
  }
  for (const combine of context.orders.all()) {
    const sub = combine.subOrders.find(
      (s) =>
        s.mchid === mchid &&
        (byNumber ? s.outTradeNo === body.out_trade_no : s.transactionId === body.transaction_id),
    );
    if (sub !== undefined) return { order: combine, subOrder: sub };
  }
  return undefined;
}

/** Tells whether `path` is a V3 refund endpoint. */
export function isRefundPath(path: string): boolean {
  return REFUND_PATH.test(path);
}

function view(order: OrderRecord, refund: RefundRecord): Record<string, unknown> {
  const sub = refund.subOrder;
  const total = sub?.total ?? order.total;
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: sub?.transactionId ?? order.transactionId,
    out_trade_no: sub?.outTradeNo ?? order.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(refund.successAt === undefined
      ? {}
      : { success_time: beijing(new Date(refund.successAt)) }),
    create_time: beijing(new Date(refund.createdAt)),
    status: refund.status,
    funds_account: 'AVAILABLE',
    amount: {
      total,
      refund: refund.amount,
      payer_total: total,
      payer_refund: refund.amount,
      settlement_refund: refund.amount,
      settlement_total: total,
      discount_refund: 0,
      currency: 'CNY',
    },
  };
}

/**
 * WeChat Pay's V3 refunds, straight to WeChat Pay: `POST /v3/refund/domestic/refunds` for a
 * direct order, a sub-merchant's partner order (`sub_mchid`) or a combine sub-order (by its own
 * merchant and number), and
 * `GET /v3/refund/domestic/refunds/{out_refund_no}`. A refund succeeds at once and its
 * callback goes to `notify_url` or the merchant's configured refund address.
 */
export async function v3Refund(context: SandboxContext, request: Incoming): Promise<Reply> {
  const merchant = checkAuthorization(context, request);
  if ('status' in merchant) return merchant;
  const mchid = merchant.config.mchid;
  const number = REFUND_PATH.exec(request.path)?.[1];

  if (number !== undefined) {
    if (request.method !== 'GET') return v3Error(405, 'METHOD_NOT_ALLOWED', 'GET only');
    const order = context.orders.byRefund(mchid, decodeURIComponent(number));
    const refund = order?.refunds.find(
      (r) => r.mchid === mchid && r.outRefundNo === decodeURIComponent(number),
    );
    if (order === undefined || refund === undefined) {
      return v3Error(404, 'RESOURCE_NOT_EXISTS', 'the refund does not exist');
    }
    return v3Signed(merchant, 200, view(order, refund));
  }

  if (request.method !== 'POST') return v3Error(405, 'METHOD_NOT_ALLOWED', 'POST only');
  const parsed = v3RefundSchema.safeParse(readJson(request.body) ?? null);
  if (!parsed.success) return v3Error(400, 'PARAM_ERROR', paramMessage(parsed.error));
  const body = parsed.data;
  if (body.out_trade_no === undefined && body.transaction_id === undefined) {
    return v3Error(400, 'PARAM_ERROR', 'out_trade_no or transaction_id is required');
  }
  const target = findTarget(context, mchid, body);
  if (target === undefined) return v3Error(404, 'RESOURCE_NOT_EXISTS', 'the order does not exist');
  const { order, subOrder } = target;

  const refund = createRefund(context, order, {
    mchid,
    subOrder,
    outRefundNo: body.out_refund_no,
    amount: body.amount.refund,
    total: body.amount.total,
    notifyUrl: body.notify_url,
  });
  if (typeof refund === 'string') {
    const [status, code, message] = REFUSALS[refund];
    return v3Error(status, code, message);
  }
  return v3Signed(merchant, 200, view(order, refund));
}
