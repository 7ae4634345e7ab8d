import { refundNotification } from '../callbacks/refund-notification.ts';
import type { SandboxContext } from '../internal/context.ts';
import { refundId } from '../internal/ids.ts';
import type { OrderRecord, RefundRecord } from './order-store.ts';

/** Why WeChat Pay refuses a refund, as V2 `err_code` / V3 `code`. */
export type RefundRefusal =
  | 'ORDER_NOT_PAID'
  | 'AMOUNT_MISMATCH'
  | 'NOT_ENOUGH'
  | 'DUPLICATE_MISMATCH';

/** What a refund asks for. */
export interface RefundRequest {
  outRefundNo: string;
  amount: number;
  total: number;
  notifyUrl: string | undefined;
}

function refunded(order: OrderRecord): number {
  return order.refunds.reduce((sum, r) => sum + r.amount, 0);
}

/**
 * Records a refund of a paid order and completes it at once: the refund becomes SUCCESS and
 * its callback starts, to the request's `notify_url` or the merchant's configured address. A
 * repeated `out_refund_no` with the same amount answers the refund already made.
 */
export function createRefund(
  context: SandboxContext,
  order: OrderRecord,
  request: RefundRequest,
): RefundRecord | RefundRefusal {
  const existing = order.refunds.find((r) => r.outRefundNo === request.outRefundNo);
  if (existing !== undefined) {
    return existing.amount === request.amount ? existing : 'DUPLICATE_MISMATCH';
  }
  if (order.state !== 'SUCCESS' && order.state !== 'REFUND') return 'ORDER_NOT_PAID';
  if (request.total !== order.total) return 'AMOUNT_MISMATCH';
  if (request.amount > order.total - refunded(order)) return 'NOT_ENOUGH';

  const now = context.now();
  const refund: RefundRecord = {
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

  const merchant = context.merchants.get(order.mchid);
  refund.status = 'SUCCESS';
  refund.successAt = now;
  const url = request.notifyUrl ?? merchant?.config.refundNotifyUrl;
  if (merchant !== undefined && url !== undefined) {
    context.callbacks.deliver(refundNotification(merchant, order, refund, url));
  }
  return refund;
}
