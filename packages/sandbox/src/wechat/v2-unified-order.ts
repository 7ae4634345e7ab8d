import type { SandboxContext } from '../internal/context.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import { digits, prepayId } from '../internal/ids.ts';
import type { OrderRecord } from './order-store.ts';
import { PAY_PAGE_PATH } from './pay-page.ts';
import { isReply, readSignedV2, resultFail, signedAnswer } from './v2-reply.ts';
import { firstIssue, v2UnifiedOrderSchema } from './v2-schemas.ts';

/**
 * The H5 URL of a prepay id in the shape of WeChat Pay's `mweb_url` and `h5_url`, under the
 * configured H5 origin (`https://wx.tenpay.com` unless told otherwise).
 */
export function payPageUrl(context: SandboxContext, prepay: string): string {
  return `${context.h5Origin}${PAY_PAGE_PATH}?prepay_id=${prepay}&package=${digits(10)}`;
}

function fingerprint(fields: Record<string, string>): string {
  const { sign: _sign, nonce_str: _nonce, ...rest } = fields;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * WeChat Pay's V2 `POST /pay/unifiedorder`: the signature under the merchant's key, the H5
 * schema, the appid bound to the merchant, the order number not used for another order; answers
 * a signed XML with `prepay_id` and `mweb_url`.
 */
export async function v2UnifiedOrder(context: SandboxContext, request: Incoming): Promise<Reply> {
  const read = readSignedV2(context, request.body);
  if (isReply(read)) return read;
  const { merchant, fields, signType } = read;
  const answerTo = { appid: fields.appid, signType };

  const parsed = v2UnifiedOrderSchema.safeParse(fields);
  if (!parsed.success)
    return resultFail(merchant, answerTo, 'PARAM_ERROR', firstIssue(parsed.error));
  const order = parsed.data;
  if (!merchant.config.appIds.includes(order.appid)) {
    return resultFail(merchant, answerTo, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
  }

  const existing = context.orders.get(merchant.config.mchid, order.out_trade_no);
  if (existing !== undefined) {
    if (existing.state === 'SUCCESS' || existing.state === 'REFUND') {
      return resultFail(merchant, answerTo, 'ORDERPAID', '该订单已支付');
    }
    if (existing.state === 'CLOSED')
      return resultFail(merchant, answerTo, 'ORDERCLOSED', '订单已关闭');
    if (existing.fingerprint !== fingerprint(fields)) {
      return resultFail(merchant, answerTo, 'INVALID_REQUEST', '201 商户订单号重复');
    }
  }

  const now = context.now();
  const record: OrderRecord = existing ?? {
    api: 'v2-unifiedorder',
    mchid: merchant.config.mchid,
    outTradeNo: order.out_trade_no,
    appId: order.appid,
    subMchid: undefined,
    subAppId: undefined,
    prepayId: prepayId(new Date(now)),
    total: Number(order.total_fee),
    description: order.body,
    attach: order.attach,
    notifyUrl: order.notify_url,
    signType,
    state: 'NOTPAY',
    transactionId: undefined,
    openid: undefined,
    subOrders: [],
    fingerprint: fingerprint(fields),
    createdAt: now,
    paidAt: undefined,
    refunds: [],
    payment: undefined,
  };
  if (existing === undefined) context.orders.add(record);

  return signedAnswer(merchant, answerTo, {
    result_code: 'SUCCESS',
    trade_type: 'MWEB',
    prepay_id: record.prepayId,
    mweb_url: payPageUrl(context, record.prepayId),
  });
}
