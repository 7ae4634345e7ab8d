/**
 * Every code a {@link QqProxyError} can carry.
 *
 * - `ERR_QQ_9030` … `ERR_QQ_9034`: QQ's proxy answered with that `errcode`.
 * - `ERR_QQ_API`: QQ answered with another non-zero `errcode` (kept in `errcode`/`errmsg`).
 * - `ERR_QQ_HTTP_STATUS`: a non-2xx answer that is neither QQ's envelope nor WeChat Pay's.
 * - `ERR_QQ_INVALID_NOTIFY_URL`: a notify URL that breaks the notify URL rule.
 * - `ERR_QQ_INVALID_PROXY_URL`: a URL that is not one of QQ's four proxied order URLs.
 * - `ERR_QQ_PREFLIGHT_*`: a request QQ or WeChat Pay would refuse, caught before sending.
 * - `ERR_QQ_TOKEN_FAILED` / `ERR_QQ_TOKEN_MALFORMED`: QQ's `getToken` refused or answered
 *   something unreadable.
 * - `ERR_QQ_PAY_URL_MISSING`: a verified order answer without the H5 URL.
 */
export type QqProxyErrorCode =
  | 'ERR_QQ_9030'
  | 'ERR_QQ_9031'
  | 'ERR_QQ_9032'
  | 'ERR_QQ_9034'
  | 'ERR_QQ_API'
  | 'ERR_QQ_HTTP_STATUS'
  | 'ERR_QQ_INVALID_NOTIFY_URL'
  | 'ERR_QQ_INVALID_PROXY_URL'
  | 'ERR_QQ_PREFLIGHT_APPID'
  | 'ERR_QQ_PREFLIGHT_NOTIFY_URL'
  | 'ERR_QQ_PREFLIGHT_BODY'
  | 'ERR_QQ_PREFLIGHT_MCHID'
  | 'ERR_QQ_TOKEN_FAILED'
  | 'ERR_QQ_TOKEN_MALFORMED'
  | 'ERR_QQ_PAY_URL_MISSING';

/** Every {@link QqProxyErrorCode}, for iteration and documentation. */
export const QQ_PROXY_ERROR_CODES: readonly QqProxyErrorCode[] = [
  'ERR_QQ_9030',
  'ERR_QQ_9031',
  'ERR_QQ_9032',
  'ERR_QQ_9034',
  'ERR_QQ_API',
  'ERR_QQ_HTTP_STATUS',
  'ERR_QQ_INVALID_NOTIFY_URL',
  'ERR_QQ_INVALID_PROXY_URL',
  'ERR_QQ_PREFLIGHT_APPID',
  'ERR_QQ_PREFLIGHT_NOTIFY_URL',
  'ERR_QQ_PREFLIGHT_BODY',
  'ERR_QQ_PREFLIGHT_MCHID',
  'ERR_QQ_TOKEN_FAILED',
  'ERR_QQ_TOKEN_MALFORMED',
  'ERR_QQ_PAY_URL_MISSING',
];

/** The typed details a {@link QqProxyError} may carry besides its code and message. */
export interface QqProxyErrorDetails {
  /** QQ's numeric `errcode`, when QQ answered (or would answer) with one. */
  errcode?: number;
  /** QQ's `errmsg`, verbatim but cut to 200 characters. */
  errmsg?: string;
  /** The request or body field at fault, such as `notify_url` or `appid`. */
  field?: string;
  /** What the failure means, in a sentence. */
  meaning?: string;
  /** What to do about it, in a sentence. */
  remedy?: string;
  /** The HTTP status of the answer, when there was one. */
  status?: number;
  /** The underlying failure. */
  cause?: unknown;
}

/**
 * The one error class of `@qqwxpay/proxy-url`: QQ's refusals, refused URLs, failed preflight
 * checks and token failures. Messages never hold tokens, secrets or whole bodies.
 *
 * @example
 * ```ts
 * try { parseV2ProxyResponse(res, { key }); }
 * catch (e) { if (e instanceof QqProxyError && e.code === 'ERR_QQ_9030') bindMerchant(); }
 * ```
 */
export class QqProxyError extends Error {
  /** The stable code; see {@link QqProxyErrorCode}. */
  readonly code: QqProxyErrorCode;
  /** QQ's numeric `errcode`, when there is one. */
  readonly errcode: number | undefined;
  /** QQ's `errmsg`, when there is one. */
  readonly errmsg: string | undefined;
  /** The field at fault, when one is. */
  readonly field: string | undefined;
  /** What the failure means. */
  readonly meaning: string | undefined;
  /** What to do about it. */
  readonly remedy: string | undefined;
  /** The HTTP status of the answer, when there was one. */
  readonly status: number | undefined;

  /**
   * @param code - the stable code
   * @param message - a message naming fields, never holding secrets
   * @param details - the typed details and the cause
   */
  constructor(code: QqProxyErrorCode, message: string, details: QqProxyErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'QqProxyError';
    this.code = code;
    this.errcode = details.errcode;
    this.errmsg = details.errmsg === undefined ? undefined : details.errmsg.slice(0, 200);
    this.field = details.field;
    this.meaning = details.meaning;
    this.remedy = details.remedy;
    this.status = details.status;
  }
}
