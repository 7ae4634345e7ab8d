import type { V2NotificationEvent } from './verify-v2-notification.ts';
import type { V3NotificationEvent } from './verify-v3-notification.ts';

/** Any verified callback event. */
export type NotificationEvent = V2NotificationEvent | V3NotificationEvent;

/**
 * The key under which retries of one event are recognised: the envelope `id` for V3; for V2 the
 * `transaction_id` with the event (payment, or refund with its `refund_id` and status).
 *
 * @param event - a verified event
 * @returns a key such as `v3:EV-2018…` or `v2:4200…:payment`
 * @throws TypeError naming `event` when it is not a verified notification event
 * @example
 * ```ts
 * await deduper.run(eventKey(event), () => fulfil(event));
 * ```
 */
export function eventKey(event: NotificationEvent): string {
  if (typeof event !== 'object' || event === null) {
    throw new TypeError(`event: expected a verified notification event, got ${typeof event}`);
  }
  if (event.version === 'v3') {
    if (typeof event.id !== 'string' || event.id === '') throw notAnEvent('id');
    return `v3:${event.id}`;
  }
  if (event.version !== 'v2') throw notAnEvent('version');
  if (event.kind === 'refund') {
    if (typeof event.refund !== 'object' || event.refund === null) throw notAnEvent('refund');
    const { transaction_id, refund_id, refund_status } = event.refund;
    return `v2:${transaction_id}:refund:${refund_id}:${refund_status}`;
  }
  if (typeof event.fields !== 'object' || event.fields === null) throw notAnEvent('fields');
  const { transaction_id, out_trade_no, result_code } = event.fields;
  if (event.success) return `v2:${transaction_id}:payment`;
  return `v2:${transaction_id ?? out_trade_no}:payment:${result_code ?? 'FAIL'}`;
}

function notAnEvent(field: string): TypeError {
  return new TypeError(`event: expected a verified notification event, its ${field} is missing`);
}
