import { z } from 'zod';

const wxAppId = z.string().regex(/^wx[0-9A-Za-z]{16}$/, "WeChat's appid, wx and 16 characters");
const mchid = z.string().regex(/^\d{8,12}$/, 'a merchant id');
const outTradeNo = z.string().regex(/^[A-Za-z0-9_\-|*]{6,32}$/, '6-32 of letters, digits, _-|*');
const description = z.string().min(1).max(127);
const attach = z.string().max(128);
const timeExpire = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/, 'RFC 3339 with offset');
const fen = z.number().int('whole fen').positive('more than zero').max(100_000_000_00);

interface Amount {
  total: number;
  currency?: 'CNY' | undefined;
}

/** A V3 direct H5 order as WeChat Pay accepts it. */
export interface V3DirectOrder {
  appid: string;
  mchid: string;
  description: string;
  out_trade_no: string;
  attach?: string | undefined;
  notify_url: string;
  amount: Amount;
}

/** A V3 partner H5 order as WeChat Pay accepts it. */
export interface V3PartnerOrder {
  sp_appid: string;
  sp_mchid: string;
  sub_appid?: string | undefined;
  sub_mchid: string;
  description: string;
  out_trade_no: string;
  attach?: string | undefined;
  notify_url: string;
  amount: Amount;
}

/** A V3 combine H5 order as WeChat Pay accepts it. */
export interface V3CombineOrder {
  combine_appid: string;
  combine_mchid: string;
  combine_out_trade_no: string;
  sub_orders: {
    mchid: string;
    sub_mchid?: string | undefined;
    attach: string;
    amount: { total_amount: number; currency: 'CNY' };
    out_trade_no: string;
    description: string;
  }[];
  notify_url: string;
}

/** A V3 refund as WeChat Pay accepts it. */
export interface V3Refund {
  sub_mchid?: string | undefined;
  transaction_id?: string | undefined;
  out_trade_no?: string | undefined;
  out_refund_no: string;
  notify_url?: string | undefined;
  amount: { refund: number; total: number; currency: 'CNY' };
}

/** WeChat Pay's V3 `notify_url`: https, at most 255 characters, no query or fragment. */
const v3NotifyUrl = z
  .string()
  .max(255)
  .refine((url) => {
    if (!/^https:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(url)) return false;
    return URL.canParse(url);
  }, 'an https URL without query or fragment');

const sceneInfo = z.looseObject({
  payer_client_ip: z.string().min(1).max(45),
  device_id: z.string().max(32).optional(),
  h5_info: z.looseObject({
    type: z.string().min(1),
    app_name: z.string().optional(),
    app_url: z.string().optional(),
  }),
});

const amount = z.looseObject({ total: fen, currency: z.literal('CNY').optional() });

/** What WeChat Pay checks in `POST /v3/pay/transactions/h5`. */
export const v3DirectOrderSchema: z.ZodType<V3DirectOrder> = z.looseObject({
  appid: wxAppId,
  mchid,
  description,
  out_trade_no: outTradeNo,
  time_expire: timeExpire.optional(),
  attach: attach.optional(),
  notify_url: v3NotifyUrl,
  amount,
  scene_info: sceneInfo,
});

/** What WeChat Pay checks in `POST /v3/pay/partner/transactions/h5`. */
export const v3PartnerOrderSchema: z.ZodType<V3PartnerOrder> = z.looseObject({
  sp_appid: wxAppId,
  sp_mchid: mchid,
  sub_appid: wxAppId.optional(),
  sub_mchid: mchid,
  description,
  out_trade_no: outTradeNo,
  time_expire: timeExpire.optional(),
  attach: attach.optional(),
  notify_url: v3NotifyUrl,
  amount,
  scene_info: sceneInfo,
});

/** What WeChat Pay checks in `POST /v3/combine-transactions/h5`. */
export const v3CombineOrderSchema: z.ZodType<V3CombineOrder> = z.looseObject({
  combine_appid: wxAppId,
  combine_mchid: mchid,
  combine_out_trade_no: z.string().regex(/^[A-Za-z0-9_\-|*]{2,32}$/),
  scene_info: sceneInfo.extend({ h5_info: sceneInfo.shape.h5_info.optional() }),
  sub_orders: z
    .array(
      z.looseObject({
        mchid,
        sub_mchid: mchid.optional(),
        attach,
        amount: z.looseObject({ total_amount: fen, currency: z.literal('CNY') }),
        out_trade_no: outTradeNo,
        description,
      }),
    )
    .min(1)
    .max(50),
  time_expire: timeExpire.optional(),
  notify_url: v3NotifyUrl,
});

/** What WeChat Pay checks in `POST /v3/refund/domestic/refunds`. */
export const v3RefundSchema: z.ZodType<V3Refund> = z.looseObject({
  sub_mchid: mchid.optional(),
  transaction_id: z
    .string()
    .regex(/^\d{28}$/)
    .optional(),
  out_trade_no: outTradeNo.optional(),
  out_refund_no: z.string().regex(/^[A-Za-z0-9_\-|*@]{1,64}$/),
  reason: z.string().max(80).optional(),
  notify_url: v3NotifyUrl.optional(),
  amount: z.looseObject({ refund: fen, total: fen, currency: z.literal('CNY') }),
});

/** The first problem a zod failure names, as WeChat Pay's PARAM_ERROR message. */
export function paramMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`;
}
