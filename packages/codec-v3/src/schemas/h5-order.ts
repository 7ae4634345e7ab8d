import { z } from 'zod';
import {
  currency,
  fen,
  type H5SceneInfo,
  h5SceneInfo,
  merchantId,
  notifyUrl,
  outTradeNo,
  rfc3339,
  type SettleInfo,
  settleInfo,
  utf8Max,
  wechatAppId,
} from './fields.ts';

/** `amount` of an H5 order: fen, CNY. */
export interface OrderAmount {
  /** Total in fen, a positive safe integer. */
  total: number;
  /** Always `CNY`. */
  currency?: 'CNY' | undefined;
  [key: string]: unknown;
}

/** Fields shared by direct and partner H5 orders. */
interface H5OrderCommon {
  /** At most 127 UTF-8 bytes. */
  description: string;
  /** 6–32 of letters, digits, `_ - | *`. */
  out_trade_no: string;
  /** RFC 3339 with an offset. */
  time_expire?: string | undefined;
  /** At most 128 UTF-8 bytes, returned unchanged in callbacks. */
  attach?: string | undefined;
  /** https, no query, at most 255 characters. */
  notify_url: string;
  /** Coupon tag. */
  goods_tag?: string | undefined;
  /** Whether an electronic invoice is offered. */
  support_fapiao?: boolean | undefined;
  /** The amount. */
  amount: OrderAmount;
  /** The payer's scene. */
  scene_info: H5SceneInfo;
  /** Profit sharing. */
  settle_info?: SettleInfo | undefined;
  [key: string]: unknown;
}

/** Body of `POST /v3/pay/transactions/h5` (direct merchant). */
export interface H5DirectOrder extends H5OrderCommon {
  /** The WeChat appid (`wx…`), not the QQ one. */
  appid: string;
  /** The merchant id. */
  mchid: string;
}

/** Body of `POST /v3/pay/partner/transactions/h5` (service provider for a sub-merchant). */
export interface H5PartnerOrder extends H5OrderCommon {
  /** The service provider's WeChat appid. */
  sp_appid: string;
  /** The service provider's merchant id. */
  sp_mchid: string;
  /** The sub-merchant's WeChat appid. */
  sub_appid?: string | undefined;
  /** The sub-merchant's id. */
  sub_mchid: string;
}

const amount = z.looseObject({ total: fen, currency: currency.optional() });

const common = {
  description: utf8Max(127),
  out_trade_no: outTradeNo,
  time_expire: rfc3339.optional(),
  attach: utf8Max(128).optional(),
  notify_url: notifyUrl,
  goods_tag: z.string().max(32).optional(),
  support_fapiao: z.boolean().optional(),
  amount,
  scene_info: h5SceneInfo,
  settle_info: settleInfo.optional(),
};

/**
 * Schema of a direct H5 order body; unknown fields are kept.
 *
 * @example
 * ```ts
 * h5DirectOrderSchema.parse({ appid: 'wxd678efh567hg6787', mchid: '1230000109', … });
 * ```
 */
export const h5DirectOrderSchema: z.ZodType<H5DirectOrder> = z.looseObject({
  appid: wechatAppId,
  mchid: merchantId,
  ...common,
});

/** Schema of a partner H5 order body; unknown fields are kept. */
export const h5PartnerOrderSchema: z.ZodType<H5PartnerOrder> = z.looseObject({
  sp_appid: wechatAppId,
  sp_mchid: merchantId,
  sub_appid: wechatAppId.optional(),
  sub_mchid: merchantId,
  ...common,
});

/** One sub-order of a combine H5 order. */
export interface CombineSubOrder {
  /** The sub-order's merchant id. */
  mchid: string;
  /** At most 128 UTF-8 bytes. */
  attach?: string | undefined;
  /** `total_amount` in fen, CNY. */
  amount: { total_amount: number; currency?: 'CNY' | undefined; [key: string]: unknown };
  /** 6–32 of letters, digits, `_ - | *`. */
  out_trade_no: string;
  /** The sub-merchant id (service provider mode). */
  sub_mchid?: string | undefined;
  /** The sub-merchant's appid. */
  sub_appid?: string | undefined;
  /** At most 127 UTF-8 bytes. */
  description: string;
  /** Profit sharing. */
  settle_info?: SettleInfo | undefined;
  /** Coupon tag. */
  goods_tag?: string | undefined;
  [key: string]: unknown;
}

/** Body of `POST /v3/combine-transactions/h5`. */
export interface H5CombineOrder {
  /** The combine initiator's WeChat appid. */
  combine_appid: string;
  /** The combine initiator's merchant id. */
  combine_mchid: string;
  /** The combine order number: 6–32 of letters, digits, `_ - | *`. */
  combine_out_trade_no: string;
  /** The payer's scene. */
  scene_info: H5SceneInfo;
  /** 2–50 sub-orders. */
  sub_orders: CombineSubOrder[];
  /** RFC 3339 with an offset. */
  time_start?: string | undefined;
  /** RFC 3339 with an offset. */
  time_expire?: string | undefined;
  /** https, no query, at most 255 characters. */
  notify_url: string;
  [key: string]: unknown;
}

const subOrder = z.looseObject({
  mchid: merchantId,
  attach: utf8Max(128).optional(),
  amount: z.looseObject({ total_amount: fen, currency: currency.optional() }),
  out_trade_no: outTradeNo,
  sub_mchid: merchantId.optional(),
  sub_appid: wechatAppId.optional(),
  description: utf8Max(127),
  settle_info: settleInfo.optional(),
  goods_tag: z.string().max(32).optional(),
});

/** Schema of a combine H5 order body (2–50 sub-orders); unknown fields are kept. */
export const h5CombineOrderSchema: z.ZodType<H5CombineOrder> = z.looseObject({
  combine_appid: wechatAppId,
  combine_mchid: merchantId,
  combine_out_trade_no: outTradeNo,
  scene_info: h5SceneInfo,
  sub_orders: z
    .array(subOrder)
    .min(2, 'must hold at least 2 sub-orders')
    .max(50, 'must hold at most 50 sub-orders'),
  time_start: rfc3339.optional(),
  time_expire: rfc3339.optional(),
  notify_url: notifyUrl,
});
