import { z } from 'zod';
import { V2_ENDPOINTS } from '../endpoints.ts';
import type { HttpRequest } from '../http-request.ts';
import { parseParams } from '../internal/check-schema.ts';
import {
  callbackUrl,
  fenInput,
  mchId,
  nonce,
  outRefundNo,
  outTradeNo,
  signTypeField,
  transactionId,
  utf8Text,
  wechatAppId,
} from '../internal/field-schemas.ts';
import { type SignOptions, signFields, xmlPost } from '../internal/signed-request.ts';

/** A refund of all or part of a paid order. Amounts are integers of fen. */
export interface RefundParams {
  appid: string;
  mch_id: string;
  sub_appid?: string;
  sub_mch_id?: string;
  transaction_id?: string;
  out_trade_no?: string;
  out_refund_no: string;
  total_fee: number | string;
  refund_fee: number | string;
  refund_fee_type?: 'CNY';
  refund_desc?: string;
  refund_account?: 'REFUND_SOURCE_UNSETTLED_FUNDS' | 'REFUND_SOURCE_RECHARGE_FUNDS';
  notify_url?: string;
  nonce_str?: string;
  sign_type?: 'MD5' | 'HMAC-SHA256';
}

type Refund = Omit<RefundParams, 'total_fee' | 'refund_fee'> & {
  total_fee: string;
  refund_fee: string;
};

const refundSchema: z.ZodType<Refund, RefundParams> = z
  .strictObject({
    appid: wechatAppId,
    mch_id: mchId,
    sub_appid: wechatAppId.optional(),
    sub_mch_id: mchId.optional(),
    transaction_id: transactionId.optional(),
    out_trade_no: outTradeNo.optional(),
    out_refund_no: outRefundNo,
    total_fee: fenInput,
    refund_fee: fenInput,
    refund_fee_type: z.literal('CNY').optional(),
    refund_desc: utf8Text(80).optional(),
    refund_account: z
      .enum(['REFUND_SOURCE_UNSETTLED_FUNDS', 'REFUND_SOURCE_RECHARGE_FUNDS'])
      .optional(),
    notify_url: callbackUrl(256).optional(),
    nonce_str: nonce.optional(),
    sign_type: signTypeField.optional(),
  })
  .refine((p) => p.transaction_id !== undefined || p.out_trade_no !== undefined, {
    message: 'needs transaction_id or out_trade_no',
    path: ['out_trade_no'],
  })
  .refine((p) => Number(p.refund_fee) <= Number(p.total_fee), {
    message: 'must not exceed total_fee',
    path: ['refund_fee'],
  });

/**
 * Builds a signed refund request (`/secapi/pay/refund`), sent straight to WeChat Pay over
 * mutual TLS with the merchant's API client certificate (the caller's HTTP client holds it).
 * Read the answer with {@link parseResponse}.
 *
 * @param params - the order (`transaction_id` or `out_trade_no`), `out_refund_no`, amounts
 * @param options - the API key, the algorithm and an optional fixed `nonce_str`
 * @returns the POST request with the signed XML body
 * @throws TypeError naming the first field that breaks the schema (including a `refund_fee`
 *   above `total_fee`), or a bad key
 * @throws RangeError for an unknown algorithm or one that disagrees with `sign_type`
 * @example
 * ```ts
 * const request = buildRefund(
 *   { appid, mch_id, out_trade_no: 'T20260412001', out_refund_no: 'R1', total_fee: 88, refund_fee: 88 },
 *   { key },
 * );
 * ```
 */
export function buildRefund(params: RefundParams, options: SignOptions): HttpRequest {
  const refund = parseParams(refundSchema, params);
  return xmlPost(V2_ENDPOINTS.refund, signFields({ ...refund }, options).xml);
}
