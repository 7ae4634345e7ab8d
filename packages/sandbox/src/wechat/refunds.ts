import { refundNotification } from '../callbacks/refund-notification.ts';
import type { SandboxContext } from '../internal/context.ts';
import { refundId } from '../internal/ids.ts';
import type { OrderRecord, RefundRecord, SubOrder } from './order-store.ts';

/** Why WeChat Pay refuses a refund, as V2 `err_code` / V3 `code`. */
export type RefundRefusal =
  | 'ORDER_NOT_PAID'
  | 'AMOUNT_MISMATCH'
  | 'NOT_ENOUGH'
  | 'DUPLICATE_MISMATCH';

/** What a refund asks for. */
export interface RefundRequest {
  /** The merchant asking: the order's, or for a combine sub-order, the sub-order's. */
  mchid: string;
  /** The combine sub-order to refund, when it is one. */
  subOrder?: SubOrder | undefined;
  outRefundNo: string;
  amount: number;
  total: number;
  notifyUrl: string | undefined;
}

function refunded(order: OrderRecord, subOrder: SubOrder | undefined): number {
  return order.refunds.filter((r) => r.subOrder === subOrder).reduce((sum, r) => sum + r.amount, 0);
}

/**
 * Records a refund of a paid order and completes it at once: the refund becomes SUCCESS and
 * its callback starts, to the request's `notify_url` or the asking merchant's configured address.
 * A combine sub-order is refunded on its own amount. A repeated `out_refund_no` with the same
 * amount answers the refund already made.
 */
export function createRefund(
  context: SandboxContext,
  order: OrderRecord,
  request: RefundRequest,
): RefundRecord | RefundRefusal {
  const existing = order.refunds.find(
    (r) => r.mchid === request.mchid && r.outRefundNo === request.outRefundNo,
  );
  if (existing !== undefined) {
    return existing.amount === request.amount ? existing : 'DUPLICATE_MISMATCH';
  }
  if (order.state !== 'SUCCESS' && order.state !== 'REFUND') return 'ORDER_NOT_PAID';
  const total = request.subOrder?.total ?? order.total;
  if (request.total !== total) return 'AMOUNT_MISMATCH';
  if (request.amount > total - refunded(order, request.subOrder)) return 'NOT_ENOUGH';

  const now = context.now();
  const refund: RefundRecord = {
    mchid: request.mchid,
    subOrder: request.subOrder,
    outRefundNo: request.outRefundNo,
    refundId: refundId(),
    amount: request.amount,
    status: 'PROCESSING',
    notifyUrl: request.notifyUrl,
    createdAt: now,
    successAt: undefined,
  };
  order.refunds.push(refund);
  order.state = 'REFUND';

  const merchant = context.merchants.get(request.mchid);
  refund.status = 'SUCCESS';
  refund.successAt = now;
  const url = request.notifyUrl ?? merchant?.config.refundNotifyUrl;
  if (merchant !== undefined && url !== undefined) {
    context.callbacks.deliver(refundNotification(merchant, order, refund, url));
  }
  return refund;
}
