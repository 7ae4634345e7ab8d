import { isValidNotifyUrl } from '@qqwxpay/proxy-url';
import { z } from 'zod';

const bytesAtMost = (max: number) =>
  z.string().refine((s) => Buffer.byteLength(s, 'utf8') <= max, `at most ${max} bytes`);
const fen = z.string().regex(/^[1-9]\d{0,9}$/, 'a positive whole number of fen');
const outTradeNo = z.string().regex(/^[A-Za-z0-9_\-|*@]{1,32}$/, '1-32 of letters, digits, _-|*@');

/** A V2 H5 unified order as WeChat Pay accepts it. */
export interface V2UnifiedOrder {
  appid: string;
  mch_id: string;
  nonce_str: string;
  sign_type?: 'MD5' | 'HMAC-SHA256' | undefined;
  body: string;
  attach?: string | undefined;
  out_trade_no: string;
  total_fee: string;
  notify_url: string;
  trade_type: 'MWEB';
}

/** A V2 request naming an order. */
export interface V2OrderRef {
  appid: string;
  mch_id: string;
  out_trade_no?: string | undefined;
  transaction_id?: string | undefined;
}

/** A V2 refund as WeChat Pay accepts it. */
export interface V2Refund extends V2OrderRef {
  out_refund_no: string;
  total_fee: string;
  refund_fee: string;
  notify_url?: string | undefined;
}

/** What WeChat Pay checks in a V2 unified order for H5 (`trade_type` MWEB). */
export const v2UnifiedOrderSchema: z.ZodType<V2UnifiedOrder> = z.looseObject({
  appid: z.string().regex(/^wx[0-9A-Za-z]{16}$/, "WeChat's appid, wx and 16 characters"),
  mch_id: z.string().regex(/^\d{8,12}$/),
  nonce_str: z.string().min(1).max(32),
  sign_type: z.enum(['MD5', 'HMAC-SHA256']).optional(),
  body: bytesAtMost(128).refine((s) => s.length > 0, 'not empty'),
  attach: bytesAtMost(127).optional(),
  out_trade_no: outTradeNo,
  fee_type: z.literal('CNY').optional(),
  total_fee: fen,
  spbill_create_ip: z.string().min(7).max(64),
  notify_url: z.string().refine(isValidNotifyUrl, 'an absolute http(s) URL without query'),
  trade_type: z.literal('MWEB', 'MWEB (H5)'),
  scene_info: z.string().refine((s) => {
    try {
      return typeof JSON.parse(s)?.h5_info === 'object';
    } catch {
      return false;
    }
  }, 'JSON with h5_info'),
});

const orderRef = z.looseObject({
  appid: z.string().regex(/^wx[0-9A-Za-z]{16}$/),
  mch_id: z.string(),
  nonce_str: z.string().min(1).max(32),
  out_trade_no: outTradeNo.optional(),
  transaction_id: z
    .string()
    .regex(/^\d{28}$/)
    .optional(),
});

/** Fields of a V2 order query or close. */
export const v2OrderRefSchema: z.ZodType<V2OrderRef> = orderRef;

/** What WeChat Pay checks in a V2 refund. */
export const v2RefundSchema: z.ZodType<V2Refund> = orderRef.extend({
  out_refund_no: z.string().regex(/^[A-Za-z0-9_\-|*@]{1,64}$/),
  total_fee: fen,
  refund_fee: fen,
  notify_url: z
    .string()
    .refine(isValidNotifyUrl, 'an absolute http(s) URL without query')
    .optional(),
});

/** The first field a zod failure names, for `err_code_des`. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`;
}
