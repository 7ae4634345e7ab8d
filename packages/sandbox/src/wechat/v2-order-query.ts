import type { SandboxContext } from '../internal/context.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import { beijingCompact } from '../internal/ids.ts';
import type { OrderRecord } from './order-store.ts';
import {
  isReply,
  readSignedV2,
  resultFail,
  type SignedV2Request,
  signedAnswer,
} from './v2-reply.ts';
import { firstIssue, v2OrderRefSchema } from './v2-schemas.ts';

const TRADE_STATE_DESC: Readonly<Record<string, string>> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  CLOSED: '订单已关闭',
  REFUND: '转入退款',
};

/** Reads a signed V2 request naming an order and finds the order, or answers the failure. */
export function findV2Order(
  context: SandboxContext,
  request: Incoming,
): { read: SignedV2Request; order: OrderRecord } | Reply {
  const read = readSignedV2(context, request.body);
  if (isReply(read)) return read;
  const { merchant, fields, signType } = read;
  const answerTo = { appid: fields.appid, signType };
  const parsed = v2OrderRefSchema.safeParse(fields);
  if (!parsed.success)
    return resultFail(merchant, answerTo, 'PARAM_ERROR', firstIssue(parsed.error));
  const { out_trade_no: outTradeNo, transaction_id: transactionId } = parsed.data;
  if (outTradeNo === undefined && transactionId === undefined) {
    return resultFail(merchant, answerTo, 'PARAM_ERROR', 'out_trade_no or transaction_id required');
  }
  const mchid = merchant.config.mchid;
  const order =
    transactionId !== undefined
      ? context.orders.byTransactionId(mchid, transactionId)
      : context.orders.get(mchid, outTradeNo ?? '');
  if (order === undefined || order.api === 'v3-combine-h5') {
    return resultFail(merchant, answerTo, 'ORDERNOTEXIST', '订单不存在');
  }
  return { read, order };
}

/** WeChat Pay's V2 `POST /pay/orderquery`: the order's trade state, signed. */
export async function v2OrderQuery(context: SandboxContext, request: Incoming): Promise<Reply> {
  const found = findV2Order(context, request);
  if ('status' in found) return found;
  const { read, order } = found;
  const fields: Record<string, string> = {
    result_code: 'SUCCESS',
    out_trade_no: order.outTradeNo,
    trade_state: order.state,
    trade_state_desc: TRADE_STATE_DESC[order.state] ?? '',
    total_fee: String(order.total),
    fee_type: 'CNY',
    trade_type: 'MWEB',
  };
  if (order.attach !== undefined) fields.attach = order.attach;
  if (order.transactionId !== undefined && order.paidAt !== undefined) {
    fields.transaction_id = order.transactionId;
    fields.time_end = beijingCompact(new Date(order.paidAt));
    fields.cash_fee = String(order.total);
    fields.bank_type = 'OTHERS';
  }
  return signedAnswer(read.merchant, { appid: read.fields.appid, signType: read.signType }, fields);
}

/** WeChat Pay's V2 `POST /pay/closeorder`: an unpaid order becomes CLOSED. */
export async function v2CloseOrder(context: SandboxContext, request: Incoming): Promise<Reply> {
  const found = findV2Order(context, request);
  if ('status' in found) return found;
  const { read, order } = found;
  const answerTo = { appid: read.fields.appid, signType: read.signType };
  if (order.state === 'SUCCESS' || order.state === 'REFUND') {
    return resultFail(read.merchant, answerTo, 'ORDERPAID', '订单已支付，不能发起关单');
  }
  if (order.state === 'CLOSED')
    return resultFail(read.merchant, answerTo, 'ORDERCLOSED', '订单已关闭');
  order.state = 'CLOSED';
  return signedAnswer(read.merchant, answerTo, { result_code: 'SUCCESS' });
}
