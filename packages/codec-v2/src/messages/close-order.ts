import { z } from 'zod';
import { V2_ENDPOINTS } from '../endpoints.ts';
import type { HttpRequest } from '../http-request.ts';
import { parseParams } from '../internal/check-schema.ts';
import { mchId, nonce, outTradeNo, signTypeField, wechatAppId } from '../internal/field-schemas.ts';
import { type SignOptions, signFields, xmlPost } from '../internal/signed-request.ts';

/** Closing an unpaid order by the merchant's `out_trade_no`. */
export interface CloseOrderParams {
  appid: string;
  mch_id: string;
  sub_appid?: string;
  sub_mch_id?: string;
  out_trade_no: string;
  nonce_str?: string;
  sign_type?: 'MD5' | 'HMAC-SHA256';
}

const closeOrderSchema: z.ZodType<CloseOrderParams, CloseOrderParams> = z.strictObject({
  appid: wechatAppId,
  mch_id: mchId,
  sub_appid: wechatAppId.optional(),
  sub_mch_id: mchId.optional(),
  out_trade_no: outTradeNo,
  nonce_str: nonce.optional(),
  sign_type: signTypeField.optional(),
});

/**
 * Builds a signed close-order request (`/pay/closeorder`), sent straight to WeChat Pay. Read
 * the answer with {@link parseResponse}.
 *
 * @param params - `appid`, `mch_id`, `out_trade_no`
 * @param options - the API key, the algorithm and an optional fixed `nonce_str`
 * @returns the POST request with the signed XML body
 * @throws TypeError naming the first field that breaks the schema, or a bad key
 * @throws RangeError for an unknown algorithm or one that disagrees with `sign_type`
 * @example
 * ```ts
 * const request = buildCloseOrder({ appid, mch_id, out_trade_no: 'T20260412001' }, { key });
 * ```
 */
export function buildCloseOrder(params: CloseOrderParams, options: SignOptions): HttpRequest {
  const close = parseParams(closeOrderSchema, params);
  return xmlPost(V2_ENDPOINTS.closeOrder, signFields({ ...close }, options).xml);
}
