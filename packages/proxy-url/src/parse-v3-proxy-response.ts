import { type VerifyOptions, verifyResponse } from '@qqwxpay/codec-v3';
import { QqProxyError } from './errors.ts';
import type { HttpResponse } from './http.ts';
import { assertNoQqError } from './qq-error.ts';

/** A V3 H5 order answer that came back through QQ's proxy and verified. */
export interface V3ProxyResult {
  /** The H5 payment URL to pass to `qq.requestWxPayment` as `url`. */
  h5Url: string;
  /** WeChat Pay's `Request-ID`, when present. */
  requestId: string | undefined;
  /** The verified body, as text. */
  body: string;
}

/**
 * Reads the answer to a proxied V3 order: QQ's own error envelope first; otherwise WeChat
 * Pay's answer, handed to codec-v3's `verifyResponse` (signature headers checked against the
 * platform certificates or public key), then its `h5_url`.
 *
 * @param response - the status, headers and raw body as received from QQ's proxy
 * @param options - codec-v3's verifier store, `now` and `windowSeconds`
 * @returns the H5 URL, WeChat Pay's request id and the verified body
 * @throws QqProxyError `ERR_QQ_9030`, `ERR_QQ_9031`, `ERR_QQ_9032`, `ERR_QQ_9034`, `ERR_QQ_API`
 *   for QQ's refusals; `ERR_QQ_PAY_URL_MISSING` when a verified answer has no `h5_url`
 * @throws V3ApiError for WeChat Pay's own non-2xx answers; V3Error when the signature fails
 * @example
 * ```ts
 * const { h5Url } = parseV3ProxyResponse({ status, headers, body }, { verifiers });
 * ```
 */
export function parseV3ProxyResponse(
  response: HttpResponse,
  options: VerifyOptions,
): V3ProxyResult {
  assertNoQqError(response.body, response.status);
  const verified = verifyResponse(response, options);
  const json = verified.json as { h5_url?: unknown } | undefined;
  const h5Url = typeof json === 'object' && json !== null ? json.h5_url : undefined;
  if (typeof h5Url !== 'string' || !/^https:\/\//.test(h5Url)) {
    throw new QqProxyError(
      'ERR_QQ_PAY_URL_MISSING',
      'the verified answer carries no https h5_url',
      {
        field: 'h5_url',
        status: verified.status,
      },
    );
  }
  return { h5Url, requestId: verified.requestId, body: verified.body };
}
