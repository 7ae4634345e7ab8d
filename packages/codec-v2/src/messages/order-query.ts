import { z } from 'zod';
import { V2_ENDPOINTS } from '../endpoints.ts';
import type { HttpRequest } from '../http-request.ts';
import { parseParams } from '../internal/check-schema.ts';
import {
  mchId,
  nonce,
  outTradeNo,
  signTypeField,
  transactionId,
  wechatAppId,
} from '../internal/field-schemas.ts';
import { type SignOptions, signFields, xmlPost } from '../internal/signed-request.ts';

/** An order query: by WeChat's `transaction_id` or the merchant's `out_trade_no`. */
export interface OrderQueryParams {
  appid: string;
  mch_id: string;
  sub_appid?: string;
  sub_mch_id?: string;
  transaction_id?: string;
  out_trade_no?: string;
  nonce_str?: string;
  sign_type?: 'MD5' | 'HMAC-SHA256';
}

const orderQuerySchema: z.ZodType<OrderQueryParams, OrderQueryParams> = z
  .strictObject({
    appid: wechatAppId,
    mch_id: mchId,
    sub_appid: wechatAppId.optional(),
    sub_mch_id: mchId.optional(),
    transaction_id: transactionId.optional(),
    out_trade_no: outTradeNo.optional(),
    nonce_str: nonce.optional(),
    sign_type: signTypeField.optional(),
  })
  .refine((p) => p.transaction_id !== undefined || p.out_trade_no !== undefined, {
    message: 'needs transaction_id or out_trade_no',
    path: ['out_trade_no'],
  });

/**
 * Builds a signed order query (`/pay/orderquery`), sent straight to WeChat Pay. Read the
 * answer with {@link parseResponse}.
 *
 * @param params - `appid`, `mch_id`, and `transaction_id` or `out_trade_no`
 * @param options - the API key, the algorithm and an optional fixed `nonce_str`
 * @returns the POST request with the signed XML body
 * @throws TypeError naming the first field that breaks the schema, or a bad key
 * @throws RangeError for an unknown algorithm or one that disagrees with `sign_type`
 * @example
 * ```ts
 * const request = buildOrderQuery({ appid, mch_id, out_trade_no: 'T20260412001' }, { key });
 * ```
 */
export function buildOrderQuery(params: OrderQueryParams, options: SignOptions): HttpRequest {
  const query = parseParams(orderQuerySchema, params);
  return xmlPost(V2_ENDPOINTS.orderQuery, signFields({ ...query }, options).xml);
}
