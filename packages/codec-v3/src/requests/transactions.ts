import { z } from 'zod';
import type { HttpRequest } from '../http.ts';
import { parseParams } from '../internal/check-schema.ts';
import { merchantId, outTradeNo } from '../schemas/fields.ts';
import { type RequestOptions, segment, unsignedRequest } from './base.ts';

/** Who asks: a direct merchant, or a service provider for a sub-merchant. */
export type MerchantRef = { mchid: string } | { spMchid: string; subMchid: string };

const merchantRef = z.union([
  z.object({ mchid: merchantId }).strict(),
  z.object({ spMchid: merchantId, subMchid: merchantId }).strict(),
]);
const transactionId = z.string().regex(/^[0-9A-Za-z]{1,32}$/, 'must be 1-32 letters or digits');

function base(ref: MerchantRef): { prefix: string; query: string; body: Record<string, string> } {
  if ('mchid' in ref) {
    return {
      prefix: '/v3/pay/transactions',
      query: `mchid=${ref.mchid}`,
      body: { mchid: ref.mchid },
    };
  }
  return {
    prefix: '/v3/pay/partner/transactions',
    query: `sp_mchid=${ref.spMchid}&sub_mchid=${ref.subMchid}`,
    body: { sp_mchid: ref.spMchid, sub_mchid: ref.subMchid },
  };
}

/**
 * Builds the unsigned order query by merchant order number:
 * `GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=…` (partner:
 * `/v3/pay/partner/transactions/…?sp_mchid=…&sub_mchid=…`). The query is part of what is signed.
 *
 * @param params - `outTradeNo` and the merchant (`mchid`, or `spMchid` and `subMchid`)
 * @param options - `baseUrl`
 * @returns the request
 * @throws TypeError naming a malformed parameter
 * @example
 * ```ts
 * const request = queryByOutTradeNo({ outTradeNo: '1217752501201407033233368018', mchid: '1230000109' });
 * ```
 */
export function queryByOutTradeNo(
  params: { outTradeNo: string } & MerchantRef,
  options: RequestOptions = {},
): HttpRequest {
  const { outTradeNo: no, ...ref } = params;
  parseParams(outTradeNo, no, 'outTradeNo');
  const { prefix, query } = base(parseParams(merchantRef, ref, 'params'));
  return unsignedRequest(
    'GET',
    `${prefix}/out-trade-no/${segment(no)}?${query}`,
    undefined,
    options,
  );
}

/**
 * Builds the unsigned order query by WeChat Pay transaction id:
 * `GET /v3/pay/transactions/id/{transaction_id}?mchid=…`.
 *
 * @param params - `transactionId` and the merchant
 * @param options - `baseUrl`
 * @returns the request
 * @throws TypeError naming a malformed parameter
 * @example
 * ```ts
 * const request = queryByTransactionId({ transactionId: '4200000000202612040000000000', mchid: '1230000109' });
 * ```
 */
export function queryByTransactionId(
  params: { transactionId: string } & MerchantRef,
  options: RequestOptions = {},
): HttpRequest {
  const { transactionId: id, ...ref } = params;
  parseParams(transactionId, id, 'transactionId');
  const { prefix, query } = base(parseParams(merchantRef, ref, 'params'));
  return unsignedRequest('GET', `${prefix}/id/${segment(id)}?${query}`, undefined, options);
}

/**
 * Builds the unsigned close-order request:
 * `POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close` with `{"mchid":…}` (partner:
 * `{"sp_mchid":…,"sub_mchid":…}`). WeChat Pay answers 204.
 *
 * @param params - `outTradeNo` and the merchant
 * @param options - `baseUrl`
 * @returns the request
 * @throws TypeError naming a malformed parameter
 * @example
 * ```ts
 * const request = closeOrder({ outTradeNo: '1217752501201407033233368018', mchid: '1230000109' });
 * ```
 */
export function closeOrder(
  params: { outTradeNo: string } & MerchantRef,
  options: RequestOptions = {},
): HttpRequest {
  const { outTradeNo: no, ...ref } = params;
  parseParams(outTradeNo, no, 'outTradeNo');
  const { prefix, body } = base(parseParams(merchantRef, ref, 'params'));
  return unsignedRequest('POST', `${prefix}/out-trade-no/${segment(no)}/close`, body, options);
}
