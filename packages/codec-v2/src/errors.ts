/** Every code a {@link V2Error} can carry. Codes are public API: they never change meaning. */
export const V2_ERROR_CODES = [
  'ERR_V2_SIGNATURE_MISSING',
  'ERR_V2_SIGNATURE_MISMATCH',
  'ERR_V2_SIGNATURE_AMBIGUOUS',
  'ERR_V2_SIGN_TYPE_UNSUPPORTED',
  'ERR_V2_XML_TOO_LARGE',
  'ERR_V2_XML_DOCTYPE',
  'ERR_V2_XML_ENTITY',
  'ERR_V2_XML_PROCESSING_INSTRUCTION',
  'ERR_V2_XML_ROOT',
  'ERR_V2_XML_NESTED',
  'ERR_V2_XML_DUPLICATE_FIELD',
  'ERR_V2_XML_MALFORMED',
  'ERR_V2_REQ_INFO_MALFORMED',
  'ERR_V2_DECRYPT_FAILED',
  'ERR_V2_MESSAGE_INVALID',
  'ERR_V2_RETURN_FAIL',
  'ERR_V2_RESULT_FAIL',
] as const;

/**
 * A stable code naming why untrusted V2 data was refused. Most explain themselves; one needs a
 * word: `ERR_V2_SIGNATURE_AMBIGUOUS` means the signature matched, but a non-empty value holds
 * `&NAME=` where NAME sorts after the value's field and before the next non-empty field (for
 * the last field, anywhere after it), so the same signed string would also give a message with
 * one more field. It refuses a field merged into the one before it; it cannot detect a value
 * of that kind split in two.
 */
export type V2ErrorCode = (typeof V2_ERROR_CODES)[number];

/** Details a {@link V2Error} may carry besides its code. */
export interface V2ErrorOptions {
  /** The field concerned, by its WeChat name (never its value). */
  field?: string;
  /** The underlying failure. */
  cause?: unknown;
  /** `return_msg` of a response whose `return_code` was `FAIL`. */
  returnMsg?: string;
  /** `err_code` of a response whose `result_code` was `FAIL`. */
  errCode?: string;
  /** `err_code_des` of a response whose `result_code` was `FAIL`. */
  errCodeDes?: string;
}

/**
 * A failure of untrusted WeChat Pay V2 data: bad or missing signature, refused XML, a message
 * that breaks its schema, an undecryptable `req_info`, or a FAIL answer from WeChat Pay.
 *
 * @example
 * ```ts
 * try {
 *   verifyXml(body, key);
 * } catch (error) {
 *   if (error instanceof V2Error && error.code === 'ERR_V2_SIGNATURE_MISMATCH') reply(401);
 * }
 * ```
 */
export class V2Error extends Error {
  /** Why the data was refused. */
  readonly code: V2ErrorCode;
  /** The field concerned, when one is. */
  readonly field: string | undefined;
  /** `return_msg` of a `return_code` FAIL response. */
  readonly returnMsg: string | undefined;
  /** `err_code` of a `result_code` FAIL response. */
  readonly errCode: string | undefined;
  /** `err_code_des` of a `result_code` FAIL response. */
  readonly errCodeDes: string | undefined;

  /**
   * @param code - the stable code
   * @param message - a short description without secrets or whole bodies
   * @param options - field, cause and the FAIL details
   */
  constructor(code: V2ErrorCode, message: string, options: V2ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'V2Error';
    this.code = code;
    this.field = options.field;
    this.returnMsg = options.returnMsg;
    this.errCode = options.errCode;
    this.errCodeDes = options.errCodeDes;
  }
}
