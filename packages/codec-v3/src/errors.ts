/**
 * Stable codes carried by {@link V3Error}. They are public API: callers and the CLI branch on them.
 *
 * - `ERR_V3_SIGNATURE_MISSING`: a `Wechatpay-*` signature header is absent.
 * - `ERR_V3_SIGNATURE_MALFORMED`: the signature is not strict base64, or `Wechatpay-Nonce` or
 *   `Wechatpay-Serial` holds a character other than printable ASCII (such as a line feed).
 * - `ERR_V3_SIGNATURE_TYPE_UNSUPPORTED`: `Wechatpay-Signature-Type` names another scheme.
 * - `ERR_V3_SIGNATURE_PROBE`: the signature is one of WeChat Pay's `WECHATPAY/SIGNTEST/` probes.
 * - `ERR_V3_SIGNATURE_MISMATCH`: the signature does not verify.
 * - `ERR_V3_HEADER_DUPLICATED`: a header arrived more than once.
 * - `ERR_V3_TIMESTAMP_MALFORMED`: `Wechatpay-Timestamp` is not a decimal integer.
 * - `ERR_V3_TIMESTAMP_OUT_OF_WINDOW`: the timestamp is too old or too far in the future.
 * - `ERR_V3_SERIAL_UNKNOWN`: no certificate or public key is known under the serial.
 * - `ERR_V3_CERTIFICATE_EXPIRED`: the certificate is outside its validity period.
 * - `ERR_V3_CERTIFICATE_INVALID`: the certificate cannot be read or holds no RSA key.
 * - `ERR_V3_KEY_INVALID`: a key cannot be read (bad PEM, bad PKCS#12, wrong passphrase, not RSA).
 * - `ERR_V3_ALGORITHM_UNSUPPORTED`: a resource names an algorithm other than `AEAD_AES_256_GCM`.
 * - `ERR_V3_RESOURCE_MALFORMED`: a resource's nonce, ciphertext or fields, or a field ciphertext,
 *   have the wrong shape.
 * - `ERR_V3_DECRYPT_FAILED`: a resource or field did not decrypt (wrong key or tampered data).
 * - `ERR_V3_BODY_MALFORMED`: a verified body is not UTF-8 JSON.
 * - `ERR_V3_SCHEMA_VIOLATION`: a message does not match its schema.
 * - `ERR_V3_API_ERROR`: WeChat Pay answered with a non-2xx status ({@link V3ApiError}).
 */
export type V3ErrorCode =
  | 'ERR_V3_SIGNATURE_MISSING'
  | 'ERR_V3_SIGNATURE_MALFORMED'
  | 'ERR_V3_SIGNATURE_TYPE_UNSUPPORTED'
  | 'ERR_V3_SIGNATURE_PROBE'
  | 'ERR_V3_SIGNATURE_MISMATCH'
  | 'ERR_V3_HEADER_DUPLICATED'
  | 'ERR_V3_TIMESTAMP_MALFORMED'
  | 'ERR_V3_TIMESTAMP_OUT_OF_WINDOW'
  | 'ERR_V3_SERIAL_UNKNOWN'
  | 'ERR_V3_CERTIFICATE_EXPIRED'
  | 'ERR_V3_CERTIFICATE_INVALID'
  | 'ERR_V3_KEY_INVALID'
  | 'ERR_V3_ALGORITHM_UNSUPPORTED'
  | 'ERR_V3_RESOURCE_MALFORMED'
  | 'ERR_V3_DECRYPT_FAILED'
  | 'ERR_V3_BODY_MALFORMED'
  | 'ERR_V3_SCHEMA_VIOLATION'
  | 'ERR_V3_API_ERROR';

/** Every {@link V3ErrorCode}, for exhaustive checks and documentation. */
export const V3_ERROR_CODES: readonly V3ErrorCode[] = [
  'ERR_V3_SIGNATURE_MISSING',
  'ERR_V3_SIGNATURE_MALFORMED',
  'ERR_V3_SIGNATURE_TYPE_UNSUPPORTED',
  'ERR_V3_SIGNATURE_PROBE',
  'ERR_V3_SIGNATURE_MISMATCH',
  'ERR_V3_HEADER_DUPLICATED',
  'ERR_V3_TIMESTAMP_MALFORMED',
  'ERR_V3_TIMESTAMP_OUT_OF_WINDOW',
  'ERR_V3_SERIAL_UNKNOWN',
  'ERR_V3_CERTIFICATE_EXPIRED',
  'ERR_V3_CERTIFICATE_INVALID',
  'ERR_V3_KEY_INVALID',
  'ERR_V3_ALGORITHM_UNSUPPORTED',
  'ERR_V3_RESOURCE_MALFORMED',
  'ERR_V3_DECRYPT_FAILED',
  'ERR_V3_BODY_MALFORMED',
  'ERR_V3_SCHEMA_VIOLATION',
  'ERR_V3_API_ERROR',
];

/** Structured context a {@link V3Error} may carry; never secrets or whole bodies. */
export interface V3ErrorDetails {
  /** The underlying error, when there is one. */
  cause?: unknown;
  /** The header, field or parameter concerned. */
  field?: string;
  /** The `Wechatpay-Serial` (or key id) concerned. */
  serial?: string;
}

/**
 * The failure of WeChat Pay V3 data to be read, verified or decrypted.
 *
 * @example
 * ```ts
 * try { verifySignature(message, { verifiers }); }
 * catch (e) { if (e instanceof V3Error && e.code === 'ERR_V3_SERIAL_UNKNOWN') refresh(); }
 * ```
 */
export class V3Error extends Error {
  /** The stable code; branch on this, not on the message. */
  readonly code: V3ErrorCode;
  /** The header, field or parameter concerned, when one is. */
  readonly field: string | undefined;
  /** The serial concerned, when one is. */
  readonly serial: string | undefined;

  constructor(code: V3ErrorCode, message: string, details: V3ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'V3Error';
    this.code = code;
    this.field = details.field;
    this.serial = details.serial;
  }
}

/** What WeChat Pay said in a non-2xx answer. */
export interface V3ApiErrorDetails {
  /** The HTTP status. */
  status: number;
  /** WeChat Pay's `code`, such as `PARAM_ERROR`, when the body carried one. */
  apiCode: string | undefined;
  /** WeChat Pay's `message`, when the body carried one. */
  apiMessage: string | undefined;
  /** WeChat Pay's `detail` object, when the body carried one. */
  detail: unknown;
  /** The `Request-ID` header, to quote to WeChat Pay support. */
  requestId: string | undefined;
}

/**
 * A non-2xx answer from WeChat Pay, with its reason; its signature is not checked.
 *
 * @example
 * ```ts
 * if (e instanceof V3ApiError) log(e.status, e.apiCode, e.apiMessage, e.requestId);
 * ```
 */
export class V3ApiError extends V3Error {
  /** The HTTP status. */
  readonly status: number;
  /** WeChat Pay's `code`, such as `PARAM_ERROR`. */
  readonly apiCode: string | undefined;
  /** WeChat Pay's `message`. */
  readonly apiMessage: string | undefined;
  /** WeChat Pay's `detail` object. */
  readonly detail: unknown;
  /** The `Request-ID` header. */
  readonly requestId: string | undefined;

  constructor(details: V3ApiErrorDetails) {
    const reason = details.apiCode ? ` ${details.apiCode}` : '';
    const text = details.apiMessage ? `: ${details.apiMessage.slice(0, 200)}` : '';
    super('ERR_V3_API_ERROR', `WeChat Pay answered HTTP ${details.status}${reason}${text}`);
    this.name = 'V3ApiError';
    this.status = details.status;
    this.apiCode = details.apiCode;
    this.apiMessage = details.apiMessage;
    this.detail = details.detail;
    this.requestId = details.requestId;
  }
}
