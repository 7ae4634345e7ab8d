import { z } from 'zod';
import { decodeXml } from '../decode-xml.ts';
import { V2Error } from '../errors.ts';
import { checkMessage } from '../internal/check-schema.ts';
import { compactTime, fenText, transactionId } from '../internal/field-schemas.ts';
import type { ParseResponseOptions } from '../parse-response.ts';
import type { V2Fields } from '../types.ts';
import { verify } from '../verify.ts';

/** A verified payment notification: every field received, the common ones named. */
export type PaymentNotification = V2Fields & {
  return_code: 'SUCCESS';
  result_code: 'SUCCESS' | 'FAIL';
  appid: string;
  mch_id: string;
  out_trade_no: string;
  transaction_id?: string;
  total_fee?: string;
  time_end?: string;
};

/**
 * The fields a payment notification must carry. When `result_code` is SUCCESS,
 * `transaction_id`, `total_fee` and `time_end` are required; amounts are decimal digits.
 * Other fields (such as `coupon_fee_0`) are allowed and kept.
 *
 * @example
 * ```ts
 * paymentNotificationSchema.safeParse(fields).success;
 * ```
 */
export const paymentNotificationSchema: z.ZodType<PaymentNotification, V2Fields> = z
  .looseObject({
    return_code: z.literal('SUCCESS'),
    result_code: z.enum(['SUCCESS', 'FAIL']),
    appid: z.string().min(1),
    mch_id: z.string().min(1),
    nonce_str: z.string().min(1),
    sign: z.string().min(1),
    out_trade_no: z.string().min(1).max(32),
    transaction_id: transactionId.optional(),
    total_fee: fenText.optional(),
    settlement_total_fee: fenText.optional(),
    cash_fee: fenText.optional(),
    coupon_fee: fenText.optional(),
    coupon_count: z
      .string()
      .regex(/^[0-9]{1,3}$/, 'must be decimal digits')
      .optional(),
    time_end: compactTime.optional(),
  })
  .superRefine((fields, context) => {
    if (fields.result_code !== 'SUCCESS') return;
    for (const name of ['transaction_id', 'total_fee', 'time_end'] as const) {
      if (fields[name] === undefined) {
        context.addIssue({ code: 'custom', path: [name], message: 'is missing' });
      }
    }
  }) as unknown as z.ZodType<PaymentNotification, V2Fields>;

/**
 * Verifies a V2 payment notification (the XML WeChat Pay, or QQ's proxy, posts to
 * `notify_url`) and checks its fields. A notification whose `result_code` is FAIL is returned,
 * not thrown: it is an authentic report of a failed payment.
 *
 * @param xml - the raw callback body
 * @param options - the API key, the fallback algorithm and the size limit
 * @returns every field received, after the signature verified
 * @throws V2Error `ERR_V2_RETURN_FAIL` when `return_code` is not SUCCESS,
 *   `ERR_V2_SIGNATURE_MISSING`, `ERR_V2_SIGNATURE_MISMATCH`, `ERR_V2_MESSAGE_INVALID` and the
 *   XML codes
 * @example
 * ```ts
 * const paid = parsePaymentNotification(body, { key });
 * if (paid.result_code === 'SUCCESS') markPaid(paid.out_trade_no, paid.total_fee);
 * reply(successAck());
 * ```
 */
export function parsePaymentNotification(
  xml: string | Uint8Array,
  options: ParseResponseOptions,
): PaymentNotification {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('options must be an object holding the key');
  }
  const fields = decodeXml(
    xml,
    options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes },
  );
  if (fields.return_code !== 'SUCCESS') {
    throw new V2Error('ERR_V2_RETURN_FAIL', 'the notification does not report SUCCESS', {
      field: 'return_code',
      returnMsg: fields.return_msg ?? '',
    });
  }
  const verified = verify(
    fields,
    options.key,
    options.signType === undefined ? {} : { signType: options.signType },
  );
  checkMessage(paymentNotificationSchema, verified, 'payment notification');
  return verified as PaymentNotification;
}
