import { z } from 'zod';
import type { HttpRequest } from '../http.ts';
import { parseParams } from '../internal/check-schema.ts';
import { merchantId, outTradeNo, wechatAppId } from '../schemas/fields.ts';
import { type RequestOptions, segment, unsignedRequest } from './base.ts';

/** Body of a combine close: which sub-orders to close. */
export interface CombineCloseBody {
  /** The combine initiator's WeChat appid. */
  combine_appid: string;
  /** The sub-orders, 2–50. */
  sub_orders: Array<{
    mchid: string;
    out_trade_no: string;
    sub_mchid?: string | undefined;
    sub_appid?: string | undefined;
  }>;
}

const combineCloseSchema = z.looseObject({
  combine_appid: wechatAppId,
  sub_orders: z
    .array(
      z.looseObject({
        mchid: merchantId,
        out_trade_no: outTradeNo,
        sub_mchid: merchantId.optional(),
        sub_appid: wechatAppId.optional(),
      }),
    )
    .min(2)
    .max(50),
});

/**
 * Builds the unsigned combine order query,
 * `GET /v3/combine-transactions/out-trade-no/{combine_out_trade_no}`.
 *
 * @param combineOutTradeNo - the combine order number
 * @param options - `baseUrl`
 * @returns the request
 * @throws TypeError when the number is malformed
 * @example
 * ```ts
 * const request = combineQuery('P20150806125346');
 * ```
 */
export function combineQuery(combineOutTradeNo: string, options: RequestOptions = {}): HttpRequest {
  parseParams(outTradeNo, combineOutTradeNo, 'combineOutTradeNo');
  const path = `/v3/combine-transactions/out-trade-no/${segment(combineOutTradeNo)}`;
  return unsignedRequest('GET', path, undefined, options);
}

/**
 * Builds the unsigned combine close,
 * `POST /v3/combine-transactions/out-trade-no/{combine_out_trade_no}/close`.
 *
 * @param combineOutTradeNo - the combine order number
 * @param body - `combine_appid` and the sub-orders to close
 * @param options - `baseUrl`
 * @returns the request
 * @throws TypeError naming a malformed parameter
 * @example
 * ```ts
 * const request = combineClose('P20150806125346', { combine_appid, sub_orders: [{ mchid, out_trade_no }, { mchid, out_trade_no: 'B2' }] });
 * ```
 */
export function combineClose(
  combineOutTradeNo: string,
  body: CombineCloseBody,
  options: RequestOptions = {},
): HttpRequest {
  parseParams(outTradeNo, combineOutTradeNo, 'combineOutTradeNo');
  const checked = parseParams(combineCloseSchema, body, 'body');
  const path = `/v3/combine-transactions/out-trade-no/${segment(combineOutTradeNo)}/close`;
  return unsignedRequest('POST', path, checked, options);
}
