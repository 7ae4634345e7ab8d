import { z } from 'zod';
import type { HttpRequest } from '../http.ts';
import { parseParams } from '../internal/check-schema.ts';
import {
  currency,
  fen,
  merchantId,
  notifyUrl,
  outRefundNo as outRefundNoSchema,
  outTradeNo,
  utf8Max,
} from '../schemas/fields.ts';
import { type RequestOptions, segment, unsignedRequest } from './base.ts';

/** Body of `POST /v3/refund/domestic/refunds`. */
export interface RefundRequest {
  /** The sub-merchant (service provider mode). */
  sub_mchid?: string | undefined;
  /** WeChat Pay's transaction id; this or `out_trade_no`. */
  transaction_id?: string | undefined;
  /** The merchant order number; this or `transaction_id`. */
  out_trade_no?: string | undefined;
  /** The merchant refund number. */
  out_refund_no: string;
  /** At most 80 UTF-8 bytes. */
  reason?: string | undefined;
  /** https, no query. */
  notify_url?: string | undefined;
  /** `AVAILABLE` to refund from the available balance. */
  funds_account?: string | undefined;
  /** Amounts in fen. */
  amount: { refund: number; total: number; currency: 'CNY'; [key: string]: unknown };
  [key: string]: unknown;
}

/** Schema of a refund request body; unknown fields kept. */
export const refundRequestSchema: z.ZodType<RefundRequest> = z
  .looseObject({
    sub_mchid: merchantId.optional(),
    transaction_id: z
      .string()
      .regex(/^[0-9A-Za-z]{1,32}$/)
      .optional(),
    out_trade_no: outTradeNo.optional(),
    out_refund_no: outRefundNoSchema,
    reason: utf8Max(80).optional(),
    notify_url: notifyUrl.optional(),
    funds_account: z.string().optional(),
    amount: z.looseObject({ refund: fen, total: fen, currency }),
  })
  .refine((b) => (b.transaction_id === undefined) !== (b.out_trade_no === undefined), {
    message: 'exactly one of transaction_id and out_trade_no is required',
    path: ['out_trade_no'],
  })
  .refine((b) => b.amount.refund <= b.amount.total, {
    message: 'must not exceed amount.total',
    path: ['amount', 'refund'],
  });

/**
 * Builds the unsigned refund request, `POST /v3/refund/domestic/refunds`.
 *
 * @param body - the refund
 * @param options - `baseUrl`
 * @returns the request
 * @throws TypeError naming the first field that violates {@link refundRequestSchema}
 * @example
 * ```ts
 * const request = refund({ out_trade_no: 'A1234567', out_refund_no: 'R1', amount: { refund: 1, total: 1, currency: 'CNY' } });
 * ```
 */
export function refund(body: RefundRequest, options: RequestOptions = {}): HttpRequest {
  const checked = parseParams(refundRequestSchema, body, 'body');
  return unsignedRequest('POST', '/v3/refund/domestic/refunds', checked, options);
}

/**
 * Builds the unsigned refund query, `GET /v3/refund/domestic/refunds/{out_refund_no}`
 * (with `?sub_mchid=…` in service provider mode).
 *
 * @param outRefundNo - the merchant refund number
 * @param options - `baseUrl` and `subMchid`
 * @returns the request
 * @throws TypeError naming a malformed parameter
 * @example
 * ```ts
 * const request = refundQuery('R1');
 * ```
 */
export function refundQuery(
  outRefundNo: string,
  options: RequestOptions & { subMchid?: string } = {},
): HttpRequest {
  parseParams(outRefundNoSchema, outRefundNo, 'outRefundNo');
  let path = `/v3/refund/domestic/refunds/${segment(outRefundNo)}`;
  if (options.subMchid !== undefined) {
    path += `?sub_mchid=${parseParams(merchantId, options.subMchid, 'subMchid')}`;
  }
  return unsignedRequest('GET', path, undefined, options);
}
