import { NotifyError } from './errors.ts';

/**
 * What the merchant knows about the order a callback must be about. Each given field must match
 * the verified callback; a correctly signed callback for 1 fen does not pay a 9,900-fen order.
 */
export interface NotificationExpectations {
  /** The merchant's order number (`out_trade_no`; `combine_out_trade_no` for combine orders). */
  outTradeNo?: string;
  /**
   * The amount in fen: the order total for payments (the sum of sub-orders for combine
   * orders), the refund amount for refunds.
   */
  amount?: number;
  /** The merchant id the callback must name (`mchid`, `sp_mchid`, `sub_mchid` or `mch_id`). */
  mchid?: string;
  /** The app id the callback must name (`appid`, `sp_appid`, `sub_appid`). */
  appid?: string;
}

/** The values of a verified callback that expectations are checked against. */
export interface ExpectationSubject {
  /** The order number, when the callback carries one. */
  outTradeNo: string | undefined;
  /** The amount in fen, as a decimal string. */
  amount: string | undefined;
  /** Every authenticated merchant id the callback names; undefined when it carries none. */
  mchids: readonly (string | undefined)[] | undefined;
  /** Every authenticated app id the callback names; undefined when it carries none. */
  appids: readonly (string | undefined)[] | undefined;
}

/**
 * Checks a verified callback against what the merchant expects.
 *
 * @param subject - the callback's order number, amount, merchant ids and app ids
 * @param expect - the expectations; absent fields are not checked
 * @param eventType - the event type, for the error
 * @throws TypeError/RangeError naming an unknown expectation key (a misspelt key would
 *   otherwise turn its check off), an expectation of the wrong type (ids not non-empty strings,
 *   an amount not a positive whole number of fen), or one the callback cannot answer (`mchid`/`appid` of a V2 refund, whose outer fields are not signed)
 * @throws NotifyError `ERR_NOTIFY_EXPECTATION_MISMATCH` with `field` naming the first mismatch
 *   (`out_trade_no`, `amount`, `mchid` or `appid`)
 * @example
 * ```ts
 * checkExpectations(subject, { outTradeNo: 'T20261204', amount: 9900 }, 'TRANSACTION.SUCCESS');
 * ```
 */
export function checkExpectations(
  subject: ExpectationSubject,
  expect: NotificationExpectations | undefined,
  eventType: string,
): void {
  if (expect === undefined) return;
  if (typeof expect !== 'object' || expect === null) {
    throw new TypeError(`expect: expected an object, got ${typeof expect}`);
  }
  for (const key of Object.keys(expect)) {
    if (!EXPECTATION_KEYS.has(key)) {
      throw new TypeError(
        `expect.${key.slice(0, 64)}: not an expectation (known: outTradeNo, amount, mchid, appid)`,
      );
    }
  }
  const { outTradeNo, amount, mchid, appid } = expect;

  if (outTradeNo !== undefined && subject.outTradeNo !== checkText(outTradeNo, 'outTradeNo')) {
    throw mismatch('out_trade_no', eventType);
  }
  if (amount !== undefined) {
    if (typeof amount !== 'number') {
      throw new TypeError(`expect.amount: expected a number of fen, got ${typeof amount}`);
    }
    if (!Number.isSafeInteger(amount) || amount < 1) {
      throw new RangeError(`expect.amount: expected a positive whole number of fen, got ${amount}`);
    }
    if (subject.amount !== String(amount)) throw mismatch('amount', eventType);
  }
  if (
    mchid !== undefined &&
    !uncheckable(subject.mchids, 'mchid', eventType).includes(checkText(mchid, 'mchid'))
  ) {
    throw mismatch('mchid', eventType);
  }
  if (
    appid !== undefined &&
    !uncheckable(subject.appids, 'appid', eventType).includes(checkText(appid, 'appid'))
  ) {
    throw mismatch('appid', eventType);
  }
}

const EXPECTATION_KEYS: ReadonlySet<string> = new Set(['outTradeNo', 'amount', 'mchid', 'appid']);

function uncheckable(
  ids: readonly (string | undefined)[] | undefined,
  name: string,
  eventType: string,
): readonly (string | undefined)[] {
  if (ids === undefined) {
    throw new TypeError(
      `expect.${name}: a ${eventType} callback carries no authenticated ${name} to check`,
    );
  }
  return ids;
}

function checkText(value: string, name: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`expect.${name}: expected a non-empty string, got ${typeof value}`);
  }
  return value;
}

function mismatch(field: string, eventType: string): NotifyError {
  return new NotifyError(
    'ERR_NOTIFY_EXPECTATION_MISMATCH',
    `callback ${field} is not the expected one`,
    {
      field,
      eventType,
    },
  );
}
