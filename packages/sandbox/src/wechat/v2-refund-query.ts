import type { SandboxContext } from '../internal/context.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import { beijingSpaced } from '../internal/ids.ts';
import type { OrderRecord } from './order-store.ts';
import { isReply, readSignedV2, resultFail, signedAnswer } from './v2-reply.ts';

function findOrder(
  context: SandboxContext,
  mchid: string,
  fields: Record<string, string>,
): OrderRecord | undefined {
  if (fields.out_refund_no !== undefined)
    return context.orders.byRefund(mchid, fields.out_refund_no);
  if (fields.transaction_id !== undefined) {
    return context.orders.byTransactionId(mchid, fields.transaction_id);
  }
  if (fields.out_trade_no !== undefined) return context.orders.get(mchid, fields.out_trade_no);
  if (fields.refund_id !== undefined) {
    return context.orders
      .all()
      .find((o) => o.mchid === mchid && o.refunds.some((r) => r.refundId === fields.refund_id));
  }
  return undefined;
}

/**
 * WeChat Pay's V2 `POST /pay/refundquery`: the refunds of an order, found by `out_refund_no`,
 * `refund_id`, `transaction_id` or `out_trade_no`, as indexed fields (`out_refund_no_0`, …).
 */
export async function v2RefundQuery(context: SandboxContext, request: Incoming): Promise<Reply> {
  const read = readSignedV2(context, request.body);
  if (isReply(read)) return read;
  const { merchant, fields, signType } = read;
  const answerTo = { appid: fields.appid, signType };
  const keys = ['out_refund_no', 'refund_id', 'transaction_id', 'out_trade_no'];
  if (!keys.some((key) => fields[key] !== undefined)) {
    return resultFail(merchant, answerTo, 'PARAM_ERROR', `one of ${keys.join(', ')} required`);
  }
  const order = findOrder(context, merchant.config.mchid, fields);
  const refunds = (order?.refunds ?? []).filter(
    (r) =>
      (fields.out_refund_no === undefined || r.outRefundNo === fields.out_refund_no) &&
      (fields.refund_id === undefined || r.refundId === fields.refund_id),
  );
  if (order === undefined || order.api !== 'v2-unifiedorder' || refunds.length === 0) {
    return resultFail(merchant, answerTo, 'REFUNDNOTEXIST', '退款订单查询失败');
  }

  const answer: Record<string, string> = {
    result_code: 'SUCCESS',
    transaction_id: order.transactionId ?? '',
    out_trade_no: order.outTradeNo,
    total_fee: String(order.total),
    cash_fee: String(order.total),
    refund_count: String(refunds.length),
  };
  refunds.forEach((refund, n) => {
    answer[`out_refund_no_${n}`] = refund.outRefundNo;
    answer[`refund_id_${n}`] = refund.refundId;
    answer[`refund_channel_${n}`] = 'ORIGINAL';
    answer[`refund_fee_${n}`] = String(refund.amount);
    answer[`refund_status_${n}`] = refund.status;
    answer[`refund_recv_accout_${n}`] = '支付用户的零钱';
    if (refund.successAt !== undefined) {
      answer[`refund_success_time_${n}`] = beijingSpaced(new Date(refund.successAt));
    }
  });
  return signedAnswer(merchant, answerTo, answer);
}
