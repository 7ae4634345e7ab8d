import type { SandboxContext } from '../internal/context.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import { createRefund } from './refunds.ts';
import { findV2Order } from './v2-order-query.ts';
import { resultFail, signedAnswer } from './v2-reply.ts';
import { firstIssue, v2RefundSchema } from './v2-schemas.ts';

const REFUSALS = {
  ORDER_NOT_PAID: ['TRADE_STATE_ERROR', '订单状态错误'],
  AMOUNT_MISMATCH: ['PARAM_ERROR', 'total_fee与订单金额不一致'],
  NOT_ENOUGH: ['NOTENOUGH', '余额不足'],
  DUPLICATE_MISMATCH: ['INVALID_REQUEST', 'out_refund_no已使用，退款金额不一致'],
} as const;

/**
 * WeChat Pay's V2 `POST /secapi/pay/refund`. The real endpoint also requires the merchant's
 * client certificate (mutual TLS); the sandbox, on plain loopback HTTP, checks the signature
 * and the refund's fields only.
 */
export async function v2Refund(context: SandboxContext, request: Incoming): Promise<Reply> {
  const found = findV2Order(context, request);
  if ('status' in found) return found;
  const { read, order } = found;
  const answerTo = { appid: read.fields.appid, signType: read.signType };
  const parsed = v2RefundSchema.safeParse(read.fields);
  if (!parsed.success) {
    return resultFail(read.merchant, answerTo, 'PARAM_ERROR', firstIssue(parsed.error));
  }

  const refund = createRefund(context, order, {
    mchid: order.mchid,
    outRefundNo: parsed.data.out_refund_no,
    amount: Number(parsed.data.refund_fee),
    total: Number(parsed.data.total_fee),
    notifyUrl: parsed.data.notify_url,
  });
  if (typeof refund === 'string') {
    const [code, description] = REFUSALS[refund];
    return resultFail(read.merchant, answerTo, code, description);
  }
  return signedAnswer(read.merchant, answerTo, {
    result_code: 'SUCCESS',
    transaction_id: order.transactionId ?? '',
    out_trade_no: order.outTradeNo,
    out_refund_no: refund.outRefundNo,
    refund_id: refund.refundId,
    refund_fee: String(refund.amount),
    total_fee: String(order.total),
    cash_fee: String(order.total),
  });
}
