import type { HttpRequest } from '../http.ts';
import { parseParams } from '../internal/check-schema.ts';
import type { H5CombineOrder, H5DirectOrder, H5PartnerOrder } from '../schemas/h5-order.ts';
import {
  h5CombineOrderSchema,
  h5DirectOrderSchema,
  h5PartnerOrderSchema,
} from '../schemas/h5-order.ts';
import { type RequestOptions, unsignedRequest } from './base.ts';

/**
 * Builds the unsigned request for a direct H5 order, `POST /v3/pay/transactions/h5`, after
 * checking the body against {@link h5DirectOrderSchema}; sign it with a RequestSigner.
 *
 * @param body - the order
 * @param options - `baseUrl` to send elsewhere than WeChat Pay
 * @returns the request, body serialised once
 * @throws TypeError naming the first field that violates the schema
 * @example
 * ```ts
 * const signed = signer.sign(h5DirectOrder({ appid, mchid, description, out_trade_no, notify_url, amount: { total: 1 }, scene_info }));
 * ```
 */
export function h5DirectOrder(body: H5DirectOrder, options: RequestOptions = {}): HttpRequest {
  const order = parseParams(h5DirectOrderSchema, body, 'body');
  return unsignedRequest('POST', '/v3/pay/transactions/h5', order, options);
}

/**
 * Builds the unsigned request for a partner H5 order, `POST /v3/pay/partner/transactions/h5`.
 *
 * @param body - the order
 * @param options - `baseUrl`
 * @returns the request
 * @throws TypeError naming the first field that violates {@link h5PartnerOrderSchema}
 * @example
 * ```ts
 * const request = h5PartnerOrder({ sp_appid, sp_mchid, sub_mchid, description, out_trade_no, notify_url, amount, scene_info });
 * ```
 */
export function h5PartnerOrder(body: H5PartnerOrder, options: RequestOptions = {}): HttpRequest {
  const order = parseParams(h5PartnerOrderSchema, body, 'body');
  return unsignedRequest('POST', '/v3/pay/partner/transactions/h5', order, options);
}

/**
 * Builds the unsigned request for a combine H5 order, `POST /v3/combine-transactions/h5`.
 *
 * @param body - the combine order with 2–50 sub-orders
 * @param options - `baseUrl`
 * @returns the request
 * @throws TypeError naming the first field that violates {@link h5CombineOrderSchema}
 * @example
 * ```ts
 * const request = h5CombineOrder({ combine_appid, combine_mchid, combine_out_trade_no, scene_info, sub_orders, notify_url });
 * ```
 */
export function h5CombineOrder(body: H5CombineOrder, options: RequestOptions = {}): HttpRequest {
  const order = parseParams(h5CombineOrderSchema, body, 'body');
  return unsignedRequest('POST', '/v3/combine-transactions/h5', order, options);
}
