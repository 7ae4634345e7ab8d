import { beijing } from '../internal/ids.ts';
import type { OrderRecord } from './order-store.ts';

const STATE_DESC: Readonly<Record<string, string>> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  CLOSED: '订单已关闭',
  REFUND: '转入退款',
};

function paid(order: OrderRecord): boolean {
  return order.transactionId !== undefined && order.paidAt !== undefined;
}

function amount(order: OrderRecord): Record<string, unknown> {
  if (!paid(order)) return { total: order.total, currency: 'CNY' };
  return { total: order.total, payer_total: order.total, currency: 'CNY', payer_currency: 'CNY' };
}

/**
 * A V3 order as WeChat Pay describes it in queries and payment callbacks: the direct, partner
 * or combine transaction shape, with payment details and payer once paid.
 */
export function transactionView(order: OrderRecord): Record<string, unknown> {
  const openid = order.openid;
  const successTime = order.paidAt === undefined ? undefined : beijing(new Date(order.paidAt));
  const payment = paid(order)
    ? { transaction_id: order.transactionId, bank_type: 'OTHERS', success_time: successTime }
    : {};
  const common = {
    out_trade_no: order.outTradeNo,
    trade_type: 'MWEB',
    trade_state: order.state,
    trade_state_desc: STATE_DESC[order.state] ?? '',
    ...payment,
    ...(order.attach === undefined ? {} : { attach: order.attach }),
    amount: amount(order),
  };
  if (order.api === 'v3-h5' || order.api === 'v2-unifiedorder') {
    return {
      appid: order.appId,
      mchid: order.mchid,
      ...common,
      ...(paid(order) ? { payer: { openid } } : {}),
    };
  }
  if (order.api === 'v3-partner-h5') {
    return {
      sp_appid: order.appId,
      sp_mchid: order.mchid,
      ...(order.subAppId === undefined ? {} : { sub_appid: order.subAppId }),
      sub_mchid: order.subMchid,
      ...common,
      ...(paid(order) ? { payer: { sp_openid: openid } } : {}),
    };
  }
  return {
    combine_appid: order.appId,
    combine_mchid: order.mchid,
    combine_out_trade_no: order.outTradeNo,
    sub_orders: order.subOrders.map((sub) => ({
      mchid: sub.mchid,
      ...(sub.subMchid === undefined ? {} : { sub_mchid: sub.subMchid }),
      trade_type: 'MWEB',
      trade_state: order.state,
      attach: sub.attach,
      out_trade_no: sub.outTradeNo,
      ...(paid(order)
        ? { transaction_id: sub.transactionId, bank_type: 'OTHERS', success_time: successTime }
        : {}),
      amount: paid(order)
        ? {
            total_amount: sub.total,
            payer_amount: sub.total,
            currency: 'CNY',
            payer_currency: 'CNY',
          }
        : { total_amount: sub.total, currency: 'CNY' },
    })),
    ...(paid(order) ? { combine_payer_info: { openid } } : {}),
  };
}
