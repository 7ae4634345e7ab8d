import { z } from 'zod';
import { decodeXml } from '../decode-xml.ts';
import { V2Error } from '../errors.ts';
import { checkMessage } from '../internal/check-schema.ts';
import { fenText } from '../internal/field-schemas.ts';
import { checkKey } from '../internal/params.ts';
import { decryptRefundInfo } from '../refund-info.ts';
import type { V2Fields } from '../types.ts';

/** The decrypted `req_info` of a refund notification: every field, the common ones named. */
export type RefundInfo = V2Fields & {
  transaction_id: string;
  out_trade_no: string;
  refund_id: string;
  out_refund_no: string;
  total_fee: string;
  refund_fee: string;
  settlement_refund_fee: string;
  refund_status: 'SUCCESS' | 'CHANGE' | 'REFUNDCLOSE';
  success_time?: string;
};

/** A refund notification: the outer fields as received and the decrypted refund. */
export interface RefundNotification {
  /** `return_code`, `appid`, `mch_id`, `nonce_str`, `req_info` (still base64), … */
  fields: V2Fields;
  /** The decrypted and checked `req_info`. */
  refund: RefundInfo;
}

const outerSchema = z.looseObject({
  return_code: z.literal('SUCCESS'),
  appid: z.string().min(1),
  mch_id: z.string().min(1),
  nonce_str: z.string().min(1),
  req_info: z.string().min(1),
});

/**
 * The fields of a decrypted refund `req_info`. Other fields are allowed and kept.
 *
 * @example
 * ```ts
 * refundNotificationSchema.safeParse(decryptRefundInfo(reqInfo, key)).success;
 * ```
 */
export const refundNotificationSchema: z.ZodType<RefundInfo, V2Fields> = z.looseObject({
  transaction_id: z.string().min(1).max(32),
  out_trade_no: z.string().min(1).max(32),
  refund_id: z.string().min(1).max(32),
  out_refund_no: z.string().min(1).max(64),
  total_fee: fenText,
  settlement_total_fee: fenText.optional(),
  refund_fee: fenText,
  settlement_refund_fee: fenText,
  refund_status: z.enum(['SUCCESS', 'CHANGE', 'REFUNDCLOSE']),
  success_time: z.string().optional(),
  refund_recv_accout: z.string().optional(),
  refund_account: z.string().optional(),
  refund_request_source: z.string().optional(),
}) as unknown as z.ZodType<RefundInfo, V2Fields>;

/**
 * Reads a V2 refund notification: the body carries no signature, so its `req_info` is
 * decrypted with the key derived from the API key and checked. AES-ECB has no integrity tag:
 * treat the result as a hint and confirm with a refund query before acting on money.
 *
 * @param xml - the raw callback body
 * @param options - the API key and the size limit
 * @returns the outer fields and the decrypted refund
 * @throws V2Error `ERR_V2_RETURN_FAIL`, `ERR_V2_MESSAGE_INVALID`, `ERR_V2_REQ_INFO_MALFORMED`,
 *   `ERR_V2_DECRYPT_FAILED` and the XML codes
 * @example
 * ```ts
 * const { refund } = parseRefundNotification(body, { key });
 * if (refund.refund_status === 'SUCCESS') markRefunded(refund.out_refund_no);
 * ```
 */
export function parseRefundNotification(
  xml: string | Uint8Array,
  options: { key: string; maxBytes?: number },
): RefundNotification {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('options must be an object holding the key');
  }
  checkKey(options.key, 'options.key');
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
  checkMessage(outerSchema, fields, 'refund notification');

  const refund = decryptRefundInfo(fields.req_info as string, options.key);
  checkMessage(refundNotificationSchema, refund, 'refund req_info');
  return { fields, refund: refund as RefundInfo };
}
