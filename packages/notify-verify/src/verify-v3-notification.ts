import {
  type CombineTransaction,
  combineTransactionSchema,
  type RefundResource,
  refundResourceSchema,
  type Transaction,
  transactionSchema,
  type VerifiedHeaders,
} from '@qqwxpay/codec-v3';
import type { z } from 'zod';
import { NotifyError } from './errors.ts';
import {
  checkExpectations,
  type ExpectationSubject,
  type NotificationExpectations,
} from './expectations.ts';
import {
  openV3Notification,
  type RawNotification,
  type V3VerifyOptions,
} from './open-v3-notification.ts';

/**
 * A payment resource from a TRANSACTION.SUCCESS callback: codec-v3's `Transaction`, with the
 * `transaction_id` and `amount.total` that a payment callback always carries.
 */
export type V3Transaction = Transaction & {
  transaction_id: string;
  amount: NonNullable<Transaction['amount']> & { total: number };
};
/** A combine-payment resource: codec-v3's `CombineTransaction`. */
export type V3CombineTransaction = CombineTransaction;
/** A refund resource from a REFUND.* callback: codec-v3's `RefundResource` with its status. */
export type V3Refund = RefundResource & { refund_status: string };

/** The refund event types. */
export type V3RefundEventType = 'REFUND.SUCCESS' | 'REFUND.ABNORMAL' | 'REFUND.CLOSED';

interface V3EventBase {
  /** Always `v3`. */
  version: 'v3';
  /** The envelope `id`: the same for every retry of one event; the dedupe key. */
  id: string;
  /** The envelope `create_time`, when sent. */
  createTime: string | undefined;
  /** The envelope `summary`, when sent. */
  summary: string | undefined;
  /** The verified signature headers (timestamp, nonce, serial, request id). */
  signature: VerifiedHeaders;
}

/** A verified, decrypted and validated V3 callback, by kind. */
export type V3NotificationEvent =
  | (V3EventBase & {
      kind: 'transaction';
      eventType: 'TRANSACTION.SUCCESS';
      resource: V3Transaction;
    })
  | (V3EventBase & {
      kind: 'combine-transaction';
      eventType: 'TRANSACTION.SUCCESS';
      resource: V3CombineTransaction;
    })
  | (V3EventBase & { kind: 'refund'; eventType: V3RefundEventType; resource: V3Refund });

/** Options of {@link verifyV3Notification}. */
export interface V3NotificationOptions extends V3VerifyOptions {
  /** What the callback must be about; checked after verification. */
  expect?: NotificationExpectations;
}

const REFUND_EVENTS: ReadonlySet<string> = new Set([
  'REFUND.SUCCESS',
  'REFUND.ABNORMAL',
  'REFUND.CLOSED',
]);

/**
 * Turns a raw V3 callback into a trusted, typed event: verifies the signature headers over the
 * raw body (certificate or public-key serials, probes refused, timestamp window enforced), then
 * parses the envelope, decrypts the resource, validates it by `event_type`, and checks the
 * expectations.
 *
 * @param request - the raw body and the headers
 * @param options - the APIv3 key, the verifiers, `now`, `windowSeconds`, `maxBytes`, `expect`
 * @returns a `transaction`, `combine-transaction` or `refund` event carrying the envelope `id`
 * @throws TypeError/RangeError for a body that is not raw, or a malformed option
 * @throws V3Error signature, timestamp, serial and decryption codes from codec-v3
 * @throws NotifyError `ERR_NOTIFY_BODY_TOO_LARGE`, `ERR_NOTIFY_HEADERS_INVALID`,
 *   `ERR_NOTIFY_ENVELOPE_INVALID`, `ERR_NOTIFY_RESOURCE_INVALID`,
 *   `ERR_NOTIFY_EVENT_UNSUPPORTED`, `ERR_NOTIFY_TRADE_STATE` (a TRANSACTION.SUCCESS resource, or
 *   one of its combine sub-orders, whose `trade_state` is not `SUCCESS`),
 *   `ERR_NOTIFY_EXPECTATION_MISMATCH`
 * @example
 * ```ts
 * const event = verifyV3Notification({ body: rawBody, headers }, { apiV3Key, verifiers });
 * if (event.kind === 'transaction') await markPaid(event.resource.out_trade_no);
 * ```
 */
export function verifyV3Notification(
  request: RawNotification,
  options: V3NotificationOptions,
): V3NotificationEvent {
  const opened = openV3Notification(request, options);
  const base: V3EventBase = {
    version: 'v3',
    id: opened.id,
    createTime: opened.createTime,
    summary: opened.summary,
    signature: opened.signature,
  };
  const raw = opened.resource as Record<string, unknown>;
  const eventType = opened.eventType;

  let event: V3NotificationEvent;
  if (eventType === 'TRANSACTION.SUCCESS' && raw.combine_out_trade_no !== undefined) {
    const resource = validate(combineTransactionSchema, raw, eventType);
    resource.sub_orders.forEach((sub, i) => {
      requireSuccess(sub.trade_state, `resource.sub_orders.${i}.trade_state`, eventType);
    });
    event = { ...base, kind: 'combine-transaction', eventType, resource };
  } else if (eventType === 'TRANSACTION.SUCCESS') {
    const resource = validate(transactionSchema, raw, eventType);
    requireText(resource.transaction_id, 'resource.transaction_id', eventType);
    requireSuccess(resource.trade_state, 'resource.trade_state', eventType);
    if (typeof resource.amount?.total !== 'number')
      throw invalid('resource.amount.total', eventType);
    event = { ...base, kind: 'transaction', eventType, resource: resource as V3Transaction };
  } else if (REFUND_EVENTS.has(eventType)) {
    const resource = validate(refundResourceSchema, raw, eventType);
    requireText(resource.refund_status, 'resource.refund_status', eventType);
    const refundType = eventType as V3RefundEventType;
    event = { ...base, kind: 'refund', eventType: refundType, resource: resource as V3Refund };
  } else {
    throw new NotifyError('ERR_NOTIFY_EVENT_UNSUPPORTED', 'callback event_type is not supported', {
      eventType: eventType.slice(0, 64),
    });
  }

  checkExpectations(v3Subject(event), options.expect, eventType);
  return event;
}

/**
 * The values of a V3 event that expectations are checked against.
 *
 * @param event - a verified V3 event
 * @returns its order number, amount in fen, merchant ids and app ids
 * @example
 * ```ts
 * checkExpectations(v3Subject(event), { amount: 9900 }, event.eventType);
 * ```
 */
export function v3Subject(event: V3NotificationEvent): ExpectationSubject {
  const r = event.resource as Record<string, unknown>;
  const amount = (r.amount ?? {}) as Record<string, unknown>;
  if (event.kind === 'combine-transaction') {
    const subOrders = (r.sub_orders ?? []) as { amount?: { total_amount?: unknown } }[];
    const total = subOrders.reduce(
      (sum, sub) => sum + Number(sub.amount?.total_amount ?? Number.NaN),
      0,
    );
    return {
      outTradeNo: text(r.combine_out_trade_no),
      amount: Number.isSafeInteger(total) ? String(total) : undefined,
      mchids: [text(r.combine_mchid)],
      appids: [text(r.combine_appid)],
    };
  }
  return {
    outTradeNo: text(r.out_trade_no),
    amount: text(event.kind === 'refund' ? amount.refund : amount.total),
    mchids: [text(r.mchid), text(r.sp_mchid), text(r.sub_mchid)].filter((v) => v !== undefined),
    appids: [text(r.appid), text(r.sp_appid), text(r.sub_appid)].filter((v) => v !== undefined),
  };
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

function requireText(value: unknown, field: string, eventType: string): void {
  if (typeof value !== 'string' || value === '') throw invalid(field, eventType);
}

function requireSuccess(state: string, field: string, eventType: string): void {
  if (state !== 'SUCCESS') {
    throw new NotifyError('ERR_NOTIFY_TRADE_STATE', `${eventType} callback is not a paid order`, {
      field,
      eventType,
    });
  }
}

function invalid(field: string, eventType: string, cause?: unknown): NotifyError {
  const message = `decrypted ${eventType} resource is not valid`;
  return new NotifyError('ERR_NOTIFY_RESOURCE_INVALID', message, { field, eventType, cause });
}

function validate<S extends z.ZodType>(schema: S, raw: unknown, eventType: string): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const path = result.error.issues[0]?.path.join('.') ?? '';
  throw invalid(path === '' ? 'resource' : `resource.${path}`, eventType, result.error);
}
