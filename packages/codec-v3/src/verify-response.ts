import { V3Error } from './errors.ts';
import type { HttpResponse } from './http.ts';
import { apiError } from './internal/api-error.ts';
import { decodeUtf8Strict, toBytes } from './internal/bytes.ts';
import { type VerifyOptions, verifySignature } from './verify-signature.ts';

/** A 2xx V3 response whose signature verified. */
export interface VerifiedResponse {
  /** The HTTP status (2xx). */
  status: number;
  /** The body as text. */
  body: string;
  /** The parsed body, or `undefined` for an empty body (204). */
  json: unknown;
  /** The `Request-ID` header, when present. */
  requestId: string | undefined;
}

/**
 * Checks a V3 response: a non-2xx becomes a {@link V3ApiError} carrying WeChat Pay's reason
 * (no signature check, as WeChat Pay does not sign errors); a 2xx must verify before its body is
 * parsed and returned.
 *
 * @param response - the status, headers and raw body as received
 * @param options - the verifier store, `now` and `windowSeconds`
 * @returns the verified status, body, parsed JSON and request id
 * @throws V3ApiError `ERR_V3_API_ERROR` for a non-2xx status
 * @throws V3Error every code of {@link verifySignature}, and `ERR_V3_BODY_MALFORMED` when the
 *   verified body is not UTF-8 JSON
 * @example
 * ```ts
 * const { json } = verifyResponse({ status: res.status, headers: res.headers, body }, { verifiers });
 * ```
 */
export function verifyResponse(response: HttpResponse, options: VerifyOptions): VerifiedResponse {
  const { status } = response;
  if (!Number.isSafeInteger(status) || status < 100 || status > 599) {
    throw new RangeError('status: expected an HTTP status between 100 and 599');
  }
  if (status < 200 || status > 299) throw apiError(response);

  const verified = verifySignature({ headers: response.headers, body: response.body }, options);

  const body = decodeUtf8Strict(toBytes(response.body));
  if (body === undefined) {
    throw new V3Error('ERR_V3_BODY_MALFORMED', 'response body is not UTF-8');
  }
  let json: unknown;
  if (body !== '') {
    try {
      json = JSON.parse(body);
    } catch {
      throw new V3Error('ERR_V3_BODY_MALFORMED', 'response body is not JSON');
    }
  }
  return { status, body, json, requestId: verified.requestId };
}
