import { z } from 'zod';
import { V2_ENDPOINTS } from '../endpoints.ts';
import type { HttpRequest } from '../http-request.ts';
import { parseParams } from '../internal/check-schema.ts';
import {
  mchId,
  nonce,
  outRefundNo,
  outTradeNo,
  signTypeField,
  transactionId,
  wechatAppId,
} from '../internal/field-schemas.ts';
import { type SignOptions, signFields, xmlPost } from '../internal/signed-request.ts';

/** A refund query by one of four ids, most specific first. */
export interface RefundQueryParams {
  appid: string;
  mch_id: string;
  sub_appid?: string;
  sub_mch_id?: string;
  refund_id?: string;
  out_refund_no?: string;
  transaction_id?: string;
  out_trade_no?: string;
  offset?: number | string;
  nonce_str?: string;
  sign_type?: 'MD5' | 'HMAC-SHA256';
}

type RefundQuery = Omit<RefundQueryParams, 'offset'> & { offset?: string };

const refundQuerySchema: z.ZodType<RefundQuery, RefundQueryParams> = z
  .strictObject({
    appid: wechatAppId,
    mch_id: mchId,
    sub_appid: wechatAppId.optional(),
    sub_mch_id: mchId.optional(),
    refund_id: z
      .string()
      .regex(/^[0-9]{1,32}$/, 'must be 1 to 32 digits')
      .optional(),
    out_refund_no: outRefundNo.optional(),
    transaction_id: transactionId.optional(),
    out_trade_no: outTradeNo.optional(),
    offset: z
      .union([
        z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
        z.string().regex(/^(0|[1-9][0-9]{0,8})$/),
      ])
      .transform(String)
      .optional(),
    nonce_str: nonce.optional(),
    sign_type: signTypeField.optional(),
  })
  .refine(
    (p) =>
      p.refund_id !== undefined ||
      p.out_refund_no !== undefined ||
      p.transaction_id !== undefined ||
      p.out_trade_no !== undefined,
    {
      message: 'needs refund_id, out_refund_no, transaction_id or out_trade_no',
      path: ['out_refund_no'],
    },
  );

/**
 * Builds a signed refund query (`/pay/refundquery`), sent straight to WeChat Pay. Read the
 * answer with {@link parseResponse}; refunds come back as indexed fields (`refund_status_0`, …).
 *
 * @param params - `appid`, `mch_id` and at least one id
 * @param options - the API key, the algorithm and an optional fixed `nonce_str`
 * @returns the POST request with the signed XML body
 * @throws TypeError naming the first field that breaks the schema, or a bad key
 * @throws RangeError for an unknown algorithm or one that disagrees with `sign_type`
 * @example
 * ```ts
 * const request = buildRefundQuery({ appid, mch_id, out_refund_no: 'R1' }, { key });
 * ```
 */
export function buildRefundQuery(params: RefundQueryParams, options: SignOptions): HttpRequest {
  const query = parseParams(refundQuerySchema, params);
  return xmlPost(V2_ENDPOINTS.refundQuery, signFields({ ...query }, options).xml);
}
