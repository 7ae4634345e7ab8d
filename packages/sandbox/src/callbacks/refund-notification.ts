import { encodeXml, encryptRefundInfo, nonceStr } from '@qqwxpay/codec-v2';
import type { Merchant } from '../internal/context.ts';
import { beijing, beijingSpaced } from '../internal/ids.ts';
import type { OrderRecord, RefundRecord } from '../wechat/order-store.ts';
import type { Notification } from './sender.ts';
import { v3Notification } from './v3-envelope.ts';

/**
 * The callback of a refund that succeeded, sent to `url`: V2 XML whose `req_info` is encrypted
 * with the MD5 of the API key (no `sign`, as WeChat Pay sends it), or a V3 `REFUND.SUCCESS`
 * envelope whose resource is the refund (of the combine sub-order, when it is one).
 */
export function refundNotification(
  merchant: Merchant,
  order: OrderRecord,
  refund: RefundRecord,
  url: string,
): Notification {
  const successAt = new Date(refund.successAt ?? Date.now());
  if (order.api === 'v2-unifiedorder') {
    const reqInfo = encryptRefundInfo(
      {
        transaction_id: order.transactionId ?? '',
        out_trade_no: order.outTradeNo,
        refund_id: refund.refundId,
        out_refund_no: refund.outRefundNo,
        total_fee: String(order.total),
        refund_fee: String(refund.amount),
        settlement_refund_fee: String(refund.amount),
        refund_status: 'SUCCESS',
        success_time: beijingSpaced(successAt),
        refund_recv_accout: '支付用户的零钱',
        refund_account: 'REFUND_SOURCE_RECHARGE_FUNDS',
        refund_request_source: 'API',
      },
      merchant.config.apiKey,
    );
    const body = encodeXml({
      return_code: 'SUCCESS',
      appid: order.appId,
      mch_id: order.mchid,
      nonce_str: nonceStr(),
      req_info: reqInfo,
    });
    return {
      kind: 'v2-refund',
      protocol: 'v2',
      url,
      body,
      headers: () => ({ 'Content-Type': 'text/xml' }),
    };
  }
  const sub = refund.subOrder;
  const total = sub?.total ?? order.total;
  const merchantFields =
    order.api === 'v3-partner-h5'
      ? { sp_mchid: order.mchid, sub_mchid: order.subMchid }
      : { mchid: refund.mchid };
  return v3Notification(merchant, {
    kind: 'v3-refund',
    url,
    eventType: 'REFUND.SUCCESS',
    summary: '退款成功',
    originalType: 'refund',
    plaintext: {
      ...merchantFields,
      out_trade_no: sub?.outTradeNo ?? order.outTradeNo,
      transaction_id: sub?.transactionId ?? order.transactionId,
      out_refund_no: refund.outRefundNo,
      refund_id: refund.refundId,
      refund_status: 'SUCCESS',
      success_time: beijing(successAt),
      user_received_account: '支付用户零钱',
      amount: {
        total,
        refund: refund.amount,
        payer_total: total,
        payer_refund: refund.amount,
      },
    },
    now: successAt.getTime(),
  });
}
