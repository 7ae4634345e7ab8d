import { parseUnifiedOrderResponse, type SignType, type V2Fields } from '@qqwxpay/codec-v2';
import { QqProxyError } from './errors.ts';
import type { HttpResponse } from './http.ts';
import { assertNoQqError } from './qq-error.ts';

/** Options of {@link parseV2ProxyResponse}. */
export interface ParseV2ProxyResponseOptions {
  /** The merchant's V2 API key. */
  key: string;
  /** The algorithm when the answer names none; MD5 by default. */
  signType?: SignType;
}

/** A V2 unified order answer that came back through QQ's proxy and verified. */
export interface V2ProxyResult {
  /** The H5 payment URL to pass to `qq.requestWxPayment` as `url`. */
  mwebUrl: string;
  /** The prepay id. */
  prepayId: string | undefined;
  /** Every verified field, as strings. */
  fields: V2Fields;
}

/**
 * Reads the answer to a proxied V2 unified order: QQ's own error envelope first; otherwise
 * WeChat Pay's XML, handed to codec-v2 (signature verified, `return_code`/`result_code`
 * checked), then its `mweb_url`.
 *
 * @param response - the status, headers and raw body as received from QQ's proxy
 * @param options - the API key and algorithm
 * @returns the H5 URL, the prepay id and every verified field
 * @throws QqProxyError `ERR_QQ_9030`, `ERR_QQ_9031`, `ERR_QQ_9032`, `ERR_QQ_9034`, `ERR_QQ_API`
 *   for QQ's refusals; `ERR_QQ_HTTP_STATUS` for a bare non-2xx answer;
 *   `ERR_QQ_PAY_URL_MISSING` when a verified answer has no `mweb_url`
 * @throws V2Error for WeChat Pay's FAIL answers, bad signatures and refused XML
 * @example
 * ```ts
 * const { mwebUrl } = parseV2ProxyResponse({ status, headers, body }, { key });
 * ```
 */
export function parseV2ProxyResponse(
  response: HttpResponse,
  options: ParseV2ProxyResponseOptions,
): V2ProxyResult {
  assertNoQqError(response.body, response.status);
  if (response.status < 200 || response.status > 299) {
    throw new QqProxyError('ERR_QQ_HTTP_STATUS', `QQ's proxy answered HTTP ${response.status}`, {
      status: response.status,
    });
  }
  const fields = parseUnifiedOrderResponse(response.body, {
    key: options.key,
    ...(options.signType === undefined ? {} : { signType: options.signType }),
  });
  const mwebUrl = fields.mweb_url;
  if (typeof mwebUrl !== 'string' || !/^https:\/\//.test(mwebUrl)) {
    throw new QqProxyError(
      'ERR_QQ_PAY_URL_MISSING',
      'the verified answer carries no https mweb_url',
      {
        field: 'mweb_url',
        status: response.status,
      },
    );
  }
  return { mwebUrl, prepayId: fields.prepay_id, fields };
}
