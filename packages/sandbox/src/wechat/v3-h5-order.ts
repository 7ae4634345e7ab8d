import type { Merchant, SandboxContext } from '../internal/context.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import { prepayId } from '../internal/ids.ts';
import type { OrderApi, OrderRecord, SubOrder } from './order-store.ts';
import { payPageUrl } from './v2-unified-order.ts';
import { checkAuthorization } from './v3-authorization.ts';
import { readJson, v3Error, v3Signed } from './v3-reply.ts';
import {
  paramMessage,
  v3CombineOrderSchema,
  v3DirectOrderSchema,
  v3PartnerOrderSchema,
} from './v3-schemas.ts';

/** The parts of an accepted order the store keeps. */
type Accepted = Omit<
  OrderRecord,
  | 'prepayId'
  | 'state'
  | 'transactionId'
  | 'openid'
  | 'fingerprint'
  | 'createdAt'
  | 'paidAt'
  | 'refunds'
  | 'payment'
>;

function direct(merchant: Merchant, body: Record<string, unknown>): Accepted | Reply {
  const parsed = v3DirectOrderSchema.safeParse(body);
  if (!parsed.success) return v3Error(400, 'PARAM_ERROR', paramMessage(parsed.error));
  const order = parsed.data;
  if (order.mchid !== merchant.config.mchid) {
    return v3Error(400, 'PARAM_ERROR', "mchid is not the Authorization's merchant");
  }
  if (!merchant.config.appIds.includes(order.appid)) {
    return v3Error(400, 'APPID_MCHID_NOT_MATCH', 'appid and mchid are not bound');
  }
  return {
    api: 'v3-h5',
    mchid: order.mchid,
    outTradeNo: order.out_trade_no,
    appId: order.appid,
    subMchid: undefined,
    subAppId: undefined,
    total: order.amount.total,
    description: order.description,
    attach: order.attach,
    notifyUrl: order.notify_url,
    signType: undefined,
    subOrders: [],
  };
}

function partner(merchant: Merchant, body: Record<string, unknown>): Accepted | Reply {
  const parsed = v3PartnerOrderSchema.safeParse(body);
  if (!parsed.success) return v3Error(400, 'PARAM_ERROR', paramMessage(parsed.error));
  const order = parsed.data;
  if (order.sp_mchid !== merchant.config.mchid) {
    return v3Error(400, 'PARAM_ERROR', "sp_mchid is not the Authorization's merchant");
  }
  if (merchant.config.kind !== 'service-provider') {
    return v3Error(403, 'NO_AUTH', 'the merchant is not a service provider');
  }
  if (!merchant.config.subMchids.includes(order.sub_mchid)) {
    return v3Error(400, 'PARAM_ERROR', 'sub_mchid is not a sub-merchant of sp_mchid');
  }
  if (!merchant.config.appIds.includes(order.sp_appid)) {
    return v3Error(400, 'APPID_MCHID_NOT_MATCH', 'sp_appid and sp_mchid are not bound');
  }
  return {
    api: 'v3-partner-h5',
    mchid: order.sp_mchid,
    outTradeNo: order.out_trade_no,
    appId: order.sp_appid,
    subMchid: order.sub_mchid,
    subAppId: order.sub_appid,
    total: order.amount.total,
    description: order.description,
    attach: order.attach,
    notifyUrl: order.notify_url,
    signType: undefined,
    subOrders: [],
  };
}

function combine(
  context: SandboxContext,
  merchant: Merchant,
  body: Record<string, unknown>,
): Accepted | Reply {
  const parsed = v3CombineOrderSchema.safeParse(body);
  if (!parsed.success) return v3Error(400, 'PARAM_ERROR', paramMessage(parsed.error));
  const order = parsed.data;
  if (order.combine_mchid !== merchant.config.mchid) {
    return v3Error(400, 'PARAM_ERROR', "combine_mchid is not the Authorization's merchant");
  }
  if (!merchant.config.appIds.includes(order.combine_appid)) {
    return v3Error(400, 'APPID_MCHID_NOT_MATCH', 'combine_appid and combine_mchid are not bound');
  }
  const numbers = new Set(order.sub_orders.map((sub) => sub.out_trade_no));
  if (numbers.size !== order.sub_orders.length) {
    return v3Error(400, 'PARAM_ERROR', 'sub_orders repeat an out_trade_no');
  }
  const subOrders: SubOrder[] = [];
  for (const sub of order.sub_orders) {
    const subMerchant = context.merchants.get(sub.mchid);
    if (subMerchant === undefined || !subMerchant.config.appIds.includes(order.combine_appid)) {
      return v3Error(400, 'PARAM_ERROR', 'a sub-order mchid is not bound to combine_appid');
    }
    subOrders.push({
      mchid: sub.mchid,
      subMchid: sub.sub_mchid,
      outTradeNo: sub.out_trade_no,
      total: sub.amount.total_amount,
      attach: sub.attach,
      description: sub.description,
      transactionId: undefined,
    });
  }
  return {
    api: 'v3-combine-h5',
    mchid: order.combine_mchid,
    outTradeNo: order.combine_out_trade_no,
    appId: order.combine_appid,
    subMchid: undefined,
    subAppId: undefined,
    total: subOrders.reduce((sum, sub) => sum + sub.total, 0),
    description: subOrders.map((sub) => sub.description).join(' + '),
    attach: undefined,
    notifyUrl: order.notify_url,
    signType: undefined,
    subOrders,
  };
}

/**
 * WeChat Pay's V3 H5 orders (`/v3/pay/transactions/h5`, `/v3/pay/partner/transactions/h5`,
 * `/v3/combine-transactions/h5`): the `Authorization` over the path as received, the body's
 * schema, the merchant ids against the signer, the appid binding, a fresh order number; answers
 * `{"h5_url"}` signed with the platform key.
 */
export async function v3H5Order(
  context: SandboxContext,
  request: Incoming,
  api: OrderApi,
): Promise<Reply> {
  const merchant = checkAuthorization(context, request);
  if ('status' in merchant) return merchant;
  const body = readJson(request.body);
  if (body === undefined) return v3Error(400, 'PARAM_ERROR', 'body is not a JSON object');

  const accepted =
    api === 'v3-h5'
      ? direct(merchant, body)
      : api === 'v3-partner-h5'
        ? partner(merchant, body)
        : combine(context, merchant, body);
  if ('status' in accepted) return accepted;

  const fingerprint = request.body.toString('utf8');
  const existing = context.orders.get(accepted.mchid, accepted.outTradeNo);
  if (existing !== undefined) {
    if (existing.state === 'SUCCESS' || existing.state === 'REFUND') {
      return v3Error(400, 'ORDERPAID', 'the order is already paid');
    }
    if (existing.state === 'CLOSED') return v3Error(400, 'ORDER_CLOSED', 'the order is closed');
    if (existing.fingerprint !== fingerprint) {
      return v3Error(400, 'INVALID_REQUEST', 'out_trade_no already used with other parameters');
    }
    return v3Signed(merchant, 200, { h5_url: payPageUrl(context, existing.prepayId) });
  }

  const now = context.now();
  const record: OrderRecord = {
    ...accepted,
    prepayId: prepayId(new Date(now)),
    state: 'NOTPAY',
    transactionId: undefined,
    openid: undefined,
    fingerprint,
    createdAt: now,
    paidAt: undefined,
    refunds: [],
    payment: undefined,
  };
  context.orders.add(record);
  return v3Signed(merchant, 200, { h5_url: payPageUrl(context, record.prepayId) });
}
