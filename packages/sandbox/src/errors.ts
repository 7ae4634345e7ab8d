/** Every code a {@link SandboxError} can carry. Codes are public API: they never change meaning. */
export const SANDBOX_ERROR_CODES = [
  'ERR_SANDBOX_CONFIG_INVALID',
  'ERR_SANDBOX_CONFIG_UNREADABLE',
  'ERR_SANDBOX_LISTEN_FAILED',
  'ERR_SANDBOX_ORDER_NOT_FOUND',
  'ERR_SANDBOX_ORDER_STATE',
  'ERR_SANDBOX_CLOSED',
] as const;

/** A stable code naming why the sandbox refused an operation. */
export type SandboxErrorCode = (typeof SANDBOX_ERROR_CODES)[number];

/** Details a {@link SandboxError} may carry besides its code. */
export interface SandboxErrorOptions {
  /** The configuration path or field concerned (never its value). */
  field?: string;
  /** The underlying failure. */
  cause?: unknown;
}

/**
 * A failure of the sandbox itself: a configuration that does not hold, a port that cannot be
 * taken, an order that does not exist or cannot be paid, a sandbox already closed.
 * Requests the sandbox refuses on the wire are answered the way QQ and WeChat Pay answer them,
 * never with this error.
 *
 * @example
 * ```ts
 * try {
 *   await sandbox.pay({ outTradeNo: 'nope' });
 * } catch (error) {
 *   if (error instanceof SandboxError && error.code === 'ERR_SANDBOX_ORDER_NOT_FOUND') skip();
 * }
 * ```
 */
export class SandboxError extends Error {
  /** Why the operation was refused. */
  readonly code: SandboxErrorCode;
  /** The configuration path or field concerned, when one is. */
  readonly field: string | undefined;

  /**
   * @param code - the stable code
   * @param message - a short description without secrets
   * @param options - field and cause
   */
  constructor(code: SandboxErrorCode, message: string, options: SandboxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SandboxError';
    this.code = code;
    this.field = options.field;
  }
}
