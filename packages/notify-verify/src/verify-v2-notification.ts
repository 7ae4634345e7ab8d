import {
  decodeXml,
  decryptRefundInfo,
  type SignType,
  type V2Fields,
  verify,
} from '@qqwxpay/codec-v2';
import { NotifyError } from './errors.ts';
import {
  checkExpectations,
  type ExpectationSubject,
  type NotificationExpectations,
} from './expectations.ts';
import { rawBodyBytes } from './internal/raw-body.ts';

/** A V2 callback as received: the raw XML body (headers play no part in V2). */
export interface RawV2Notification {
  /** The raw XML body, exactly as received. */
  body: string | Uint8Array;
}

/** Options of {@link verifyV2Notification}. */
export interface V2NotificationOptions {
  /** The merchant's 32-character API key. */
  key: string;
  /** The algorithm when the callback names none in `sign_type`; MD5 by default. */
  signType?: SignType;
  /** What the callback must be about; checked after verification. */
  expect?: NotificationExpectations;
  /** The body limit in bytes; 64 KiB by default. */
  maxBytes?: number;
}

/** A verified V2 callback, by kind. Every value stays the exact string received. */
export type V2NotificationEvent =
  | {
      version: 'v2';
      kind: 'payment';
      /** Whether `result_code` is SUCCESS (the payment went through). */
      success: boolean;
      /** Every field received, `sign` included, after the signature verified. */
      fields: V2Fields;
    }
  | {
      version: 'v2';
      kind: 'refund';
      /**
       * The fields decrypted from `req_info` (`refund_status`, `refund_fee`, …): the only
       * authentic part of a refund callback. The outer `appid`, `mch_id` and `nonce_str` are
       * not signed, so they are not returned.
       */
      refund: V2Fields;
    };

const PAYMENT_REQUIRED = ['appid', 'mch_id', 'out_trade_no', 'total_fee', 'transaction_id'];
const REFUND_REQUIRED = [
  'transaction_id',
  'out_trade_no',
  'refund_id',
  'out_refund_no',
  'refund_status',
];

/**
 * Turns a raw V2 callback into a trusted event. Payment callbacks are verified with the API key
 * (algorithm from `sign_type`, else the configured one) and `result_code` is read; refund
 * callbacks carry no `sign`, so their authenticity comes from `req_info` decrypting under the
 * key, and only the decrypted fields are returned. Expectations are checked after that; a V2
 * refund can be checked for `outTradeNo` and `amount` only.
 *
 * @param request - the raw XML body
 * @param options - the API key, fallback sign type, expectations and body limit
 * @returns a `payment` or `refund` event with every value as a string
 * @throws TypeError/RangeError for a body that is not raw, or a malformed key or option
 * @throws V2Error XML, signature and `req_info` codes from codec-v2, such as
 *   `ERR_V2_SIGNATURE_MISMATCH`, `ERR_V2_SIGNATURE_MISSING`, `ERR_V2_XML_DOCTYPE`,
 *   `ERR_V2_DECRYPT_FAILED`
 * @throws NotifyError `ERR_NOTIFY_BODY_TOO_LARGE`, `ERR_NOTIFY_RETURN_FAIL`,
 *   `ERR_NOTIFY_RESOURCE_INVALID` (a required field is missing),
 *   `ERR_NOTIFY_EXPECTATION_MISMATCH`
 * @example
 * ```ts
 * const event = verifyV2Notification({ body: rawXml }, { key: apiKey, expect: { amount: 9900 } });
 * if (event.kind === 'payment' && event.success) await markPaid(event.fields.out_trade_no);
 * ```
 */
export function verifyV2Notification(
  request: RawV2Notification,
  options: V2NotificationOptions,
): V2NotificationEvent {
  const event = openV2Notification(request, options);
  if (event.kind === 'refund') requireFields(event.refund, REFUND_REQUIRED, 'refund');
  else if (event.success) requireFields(event.fields, PAYMENT_REQUIRED, 'payment');
  checkExpectations(v2Subject(event), options.expect, event.kind);
  return event;
}

/**
 * Establishes a V2 callback's authenticity and nothing more: a payment callback's signature is
 * verified (whatever its `return_code`), a refund callback's `req_info` is decrypted; only then
 * is `return_code` read. Required fields and expectations are left to
 * {@link verifyV2Notification}.
 *
 * @param request - the raw XML body
 * @param options - the API key, fallback sign type and body limit
 * @returns a `payment` or `refund` event with every value as a string
 * @throws TypeError/RangeError for a body that is not raw, or a malformed key or option
 * @throws V2Error XML, signature and `req_info` codes from codec-v2
 * @throws NotifyError `ERR_NOTIFY_BODY_TOO_LARGE`, `ERR_NOTIFY_RETURN_FAIL`
 * @example
 * ```ts
 * const event = openV2Notification({ body: rawXml }, { key: apiKey });
 * ```
 */
export function openV2Notification(
  request: RawV2Notification,
  options: Omit<V2NotificationOptions, 'expect'>,
): V2NotificationEvent {
  const body = rawBodyBytes(request.body, options.maxBytes);
  const received = decodeXml(
    body,
    options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes },
  );

  let event: V2NotificationEvent;
  if (Object.hasOwn(received, 'req_info')) {
    const refund = decryptRefundInfo(received.req_info as string, options.key);
    event = { version: 'v2', kind: 'refund', refund };
  } else {
    const fields = verify(
      received,
      options.key,
      options.signType === undefined ? {} : { signType: options.signType },
    );
    event = { version: 'v2', kind: 'payment', success: fields.result_code === 'SUCCESS', fields };
  }

  if (received.return_code !== 'SUCCESS') {
    throw new NotifyError('ERR_NOTIFY_RETURN_FAIL', 'callback return_code is not SUCCESS', {
      field: 'return_code',
    });
  }
  return event;
}

/**
 * The values of a V2 event that expectations are checked against.
 *
 * @param event - a verified V2 event
 * @returns its order number, amount in fen (`total_fee`, or `refund_fee` for refunds),
 *   merchant ids and app ids (none for refunds: their outer fields are not signed)
 * @example
 * ```ts
 * checkExpectations(v2Subject(event), { amount: 9900 }, event.kind);
 * ```
 */
export function v2Subject(event: V2NotificationEvent): ExpectationSubject {
  if (event.kind === 'refund') {
    return {
      outTradeNo: event.refund.out_trade_no,
      amount: event.refund.refund_fee,
      mchids: undefined,
      appids: undefined,
    };
  }
  const outer = event.fields;
  return {
    outTradeNo: outer.out_trade_no,
    amount: outer.total_fee,
    mchids: [outer.mch_id, outer.sub_mch_id],
    appids: [outer.appid, outer.sub_appid],
  };
}

function requireFields(fields: V2Fields, names: readonly string[], kind: string): void {
  for (const name of names) {
    if (!Object.hasOwn(fields, name) || fields[name] === '') {
      throw new NotifyError('ERR_NOTIFY_RESOURCE_INVALID', `${kind} callback lacks ${name}`, {
        field: name,
        eventType: kind,
      });
    }
  }
}
