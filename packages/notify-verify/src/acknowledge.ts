import { failAck, successAck } from '@qqwxpay/codec-v2';
import { NotifyError } from './errors.ts';

/** The answer to send back to WeChat Pay (through QQ) for one callback. */
export interface NotifyResponse {
  /** The HTTP status. */
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** The response body; empty for a V3 204. */
  body: string;
}

/** Which protocol a callback came in. */
export type NotifyVersion = 'v2' | 'v3';

/** Options of {@link acknowledge}. */
export interface AcknowledgeOptions {
  /** The V3 success status: 204 (default) or 200, both with an empty body. */
  v3Status?: 200 | 204;
}

/**
 * The answer that tells WeChat Pay a callback was handled, so it stops sending it: V2 the
 * SUCCESS XML, V3 an empty 204 (or 200).
 *
 * @param version - `v2` or `v3`
 * @param options - the V3 success status
 * @returns status, headers and body to send
 * @throws TypeError/RangeError for an unknown version or status
 * @example
 * ```ts
 * const { status, headers, body } = acknowledge('v3');
 * ```
 */
export function acknowledge(
  version: NotifyVersion,
  options: AcknowledgeOptions = {},
): NotifyResponse {
  if (version === 'v2') {
    return {
      status: 200,
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      body: successAck(),
    };
  }
  if (version !== 'v3') throw new TypeError(`version: expected v2 or v3, got ${String(version)}`);
  const status = options.v3Status ?? 204;
  if (status !== 200 && status !== 204) {
    throw new RangeError(`v3Status: expected 200 or 204, got ${String(status)}`);
  }
  return { status, headers: {}, body: '' };
}

/**
 * The answer that tells WeChat Pay a callback was not handled, so it sends it again: V2 the FAIL
 * XML, V3 `{"code":"FAIL","message":…}`. The message names the error code only, never the
 * error's text, so nothing of the request or the merchant's handler leaks into it.
 *
 * @param version - `v2` or `v3`
 * @param error - why the callback was refused
 * @returns status (4xx for refused input, 5xx for failures on this side), headers and body
 * @example
 * ```ts
 * catch (error) { const answer = refuse('v3', error); }
 * ```
 */
export function refuse(version: NotifyVersion, error: unknown): NotifyResponse {
  const code = codeOf(error);
  const status = statusFor(code);
  const message = code ?? 'ERR_NOTIFY_INTERNAL';
  const headers: Record<string, string> = {};
  if (status === 413) headers.connection = 'close';
  if (version === 'v2') {
    headers['content-type'] = 'text/xml; charset=utf-8';
    return { status, headers, body: failAck(message) };
  }
  headers['content-type'] = 'application/json; charset=utf-8';
  return { status, headers, body: JSON.stringify({ code: 'FAIL', message }) };
}

function codeOf(error: unknown): string | undefined {
  if (error instanceof NotifyError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && typeof code === 'string' && /^ERR_V[23]_[A-Z0-9_]+$/.test(code)) {
    return code;
  }
  return undefined;
}

/**
 * Codes that mean the callback is not authentic: unsigned, wrongly signed, a signing probe,
 * outside the timestamp window, from an unknown or expired certificate, or not decryptable
 * under the key. Every other input code means malformed or refused input.
 */
const NOT_AUTHENTIC_CODES: ReadonlySet<string> = new Set([
  'ERR_V3_SIGNATURE_MISSING',
  'ERR_V3_SIGNATURE_MISMATCH',
  'ERR_V3_SIGNATURE_PROBE',
  'ERR_V3_TIMESTAMP_OUT_OF_WINDOW',
  'ERR_V3_SERIAL_UNKNOWN',
  'ERR_V3_CERTIFICATE_EXPIRED',
  'ERR_V3_DECRYPT_FAILED',
  'ERR_V2_SIGNATURE_MISSING',
  'ERR_V2_SIGNATURE_MISMATCH',
  'ERR_V2_DECRYPT_FAILED',
]);

function statusFor(code: string | undefined): number {
  switch (code) {
    case undefined:
    case 'ERR_NOTIFY_INTERNAL':
    case 'ERR_NOTIFY_HANDLER_FAILED':
    case 'ERR_NOTIFY_BODY_UNAVAILABLE':
      return 500;
    case 'ERR_NOTIFY_STORE_FAILED':
    case 'ERR_NOTIFY_IN_PROGRESS':
    case 'ERR_NOTIFY_TIMEOUT':
      return 503;
    case 'ERR_NOTIFY_BODY_TOO_LARGE':
    case 'ERR_V2_XML_TOO_LARGE':
      return 413;
    default:
      return NOT_AUTHENTIC_CODES.has(code) ? 401 : 400;
  }
}
