import { nonceStr, signXml } from '@qqwxpay/codec-v2';
import type { Merchant } from '../internal/context.ts';
import { beijingCompact } from '../internal/ids.ts';
import type { OrderRecord } from '../wechat/order-store.ts';
import { transactionView } from '../wechat/transaction-view.ts';
import type { Notification } from './sender.ts';
import { v3Notification } from './v3-envelope.ts';

function v2Payment(merchant: Merchant, order: OrderRecord, paidAt: Date): Notification {
  const fields: Record<string, string> = {
    appid: order.appId,
    mch_id: order.mchid,
    nonce_str: nonceStr(),
    result_code: 'SUCCESS',
    return_code: 'SUCCESS',
    openid: order.openid ?? '',
    is_subscribe: 'N',
    trade_type: 'MWEB',
    bank_type: 'OTHERS',
    total_fee: String(order.total),
    cash_fee: String(order.total),
    fee_type: 'CNY',
    transaction_id: order.transactionId ?? '',
    out_trade_no: order.outTradeNo,
    time_end: beijingCompact(paidAt),
  };
  if (order.attach !== undefined) fields.attach = order.attach;
  const body = signXml(fields, merchant.config.apiKey, order.signType ?? 'MD5');
  return {
    kind: 'v2-payment',
    protocol: 'v2',
    url: order.notifyUrl,
    body,
    headers: () => ({ 'Content-Type': 'text/xml' }),
  };
}

/**
 * The payment callback of a paid order: V2 signed XML, or a V3 `TRANSACTION.SUCCESS` envelope
 * whose resource is the transaction (direct, partner or combine shape).
 */
export function paymentNotification(merchant: Merchant, order: OrderRecord): Notification {
  const paidAt = new Date(order.paidAt ?? Date.now());
  if (order.api === 'v2-unifiedorder') return v2Payment(merchant, order, paidAt);
  return v3Notification(merchant, {
    kind: 'v3-payment',
    url: order.notifyUrl,
    eventType: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    originalType: 'transaction',
    plaintext: transactionView(order),
    now: paidAt.getTime(),
  });
}
