/** Every code a {@link NotifyError} can carry. Codes are public API and never change meaning. */
export type NotifyErrorCode =
  | 'ERR_NOTIFY_BODY_TOO_LARGE'
  | 'ERR_NOTIFY_BODY_UNAVAILABLE'
  | 'ERR_NOTIFY_HEADERS_INVALID'
  | 'ERR_NOTIFY_ENVELOPE_INVALID'
  | 'ERR_NOTIFY_RESOURCE_INVALID'
  | 'ERR_NOTIFY_EVENT_UNSUPPORTED'
  | 'ERR_NOTIFY_TRADE_STATE'
  | 'ERR_NOTIFY_RETURN_FAIL'
  | 'ERR_NOTIFY_EXPECTATION_MISMATCH'
  | 'ERR_NOTIFY_IN_PROGRESS'
  | 'ERR_NOTIFY_HANDLER_FAILED'
  | 'ERR_NOTIFY_TIMEOUT'
  | 'ERR_NOTIFY_STORE_FAILED'
  | 'ERR_NOTIFY_INTERNAL';

/** The codes of {@link NotifyError}, for iteration and documentation. */
export const NOTIFY_ERROR_CODES: readonly NotifyErrorCode[] = [
  'ERR_NOTIFY_BODY_TOO_LARGE',
  'ERR_NOTIFY_BODY_UNAVAILABLE',
  'ERR_NOTIFY_HEADERS_INVALID',
  'ERR_NOTIFY_ENVELOPE_INVALID',
  'ERR_NOTIFY_RESOURCE_INVALID',
  'ERR_NOTIFY_EVENT_UNSUPPORTED',
  'ERR_NOTIFY_TRADE_STATE',
  'ERR_NOTIFY_RETURN_FAIL',
  'ERR_NOTIFY_EXPECTATION_MISMATCH',
  'ERR_NOTIFY_IN_PROGRESS',
  'ERR_NOTIFY_HANDLER_FAILED',
  'ERR_NOTIFY_TIMEOUT',
  'ERR_NOTIFY_STORE_FAILED',
  'ERR_NOTIFY_INTERNAL',
];

/** Optional details a {@link NotifyError} carries; none of them is ever secret. */
export interface NotifyErrorDetails {
  /** The underlying failure (a codec error, a zod error, the handler's own error). */
  cause?: unknown;
  /** The field at fault, such as `out_trade_no` or `resource.amount.total`. */
  field?: string;
  /** The event type or V2 kind involved, such as `REFUND.SUCCESS`. */
  eventType?: string;
  /** The byte limit that was exceeded. */
  limit?: number;
}

/**
 * A callback that was refused, or a handler or store that failed, with a stable `code`.
 *
 * Signature, timestamp and decryption failures are not wrapped: they arrive as the codecs' own
 * `V3Error` and `V2Error`, whose codes say exactly what failed.
 *
 * @example
 * ```ts
 * try {
 *   verifyV3Notification(request, options);
 * } catch (error) {
 *   if (error instanceof NotifyError && error.code === 'ERR_NOTIFY_EXPECTATION_MISMATCH') {
 *     log(error.field);
 *   }
 * }
 * ```
 */
export class NotifyError extends Error {
  /** What went wrong, from {@link NotifyErrorCode}. */
  readonly code: NotifyErrorCode;
  /** The field at fault, when one is. */
  readonly field: string | undefined;
  /** The event type involved, when known. */
  readonly eventType: string | undefined;
  /** The byte limit that was exceeded, for `ERR_NOTIFY_BODY_TOO_LARGE`. */
  readonly limit: number | undefined;

  /**
   * @param code - the stable code
   * @param message - a short description without secrets, bodies or plaintext
   * @param details - cause and typed fields
   */
  constructor(code: NotifyErrorCode, message: string, details: NotifyErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'NotifyError';
    this.code = code;
    this.field = details.field;
    this.eventType = details.eventType;
    this.limit = details.limit;
  }
}
