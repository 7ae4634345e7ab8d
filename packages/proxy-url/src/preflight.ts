import { decodeXml } from '@qqwxpay/codec-v2';
import { QqProxyError } from './errors.ts';
import type { HttpRequest } from './http.ts';
import { checkAppIds } from './internal/check-app-ids.ts';
import { isPlainObject, ORDER_FIELDS } from './internal/order-fields.ts';
import { notifyUrlV3, QQ_NOTIFY_URL_V2 } from './notify-url.ts';
import { parseProxyUrl } from './parse-proxy-url.ts';
import type { ProxyApi } from './proxy-api.ts';

/** Options of {@link preflight}. */
export interface PreflightOptions {
  /** The merchant id of the key that signed (or will sign) a V3 request. */
  signerMchid?: string;
}

/**
 * Checks a request for QQ's proxy before it is sent, catching locally what QQ or WeChat Pay
 * would refuse: a URL that is not a proxy URL, a body QQ could not parse (9034), a QQ appid
 * where WeChat's `wx…` appid belongs, a `notify_url` that is not QQ's for this order (9031),
 * and a V3 signer whose merchant id differs from the body's merchant field.
 *
 * @param request - the request to send to QQ's proxy
 * @param options - the signer's merchant id, when known
 * @throws QqProxyError `ERR_QQ_INVALID_PROXY_URL`, `ERR_QQ_PREFLIGHT_BODY`,
 *   `ERR_QQ_PREFLIGHT_APPID`, `ERR_QQ_PREFLIGHT_NOTIFY_URL` or `ERR_QQ_PREFLIGHT_MCHID`
 * @example
 * ```ts
 * preflight(request, { signerMchid: '1230000109' });
 * ```
 */
export function preflight(request: HttpRequest, options: PreflightOptions = {}): void {
  const { api, qqAppId } = parseProxyUrl(request.url);
  if (request.method !== 'POST') {
    throw new RangeError(`request.method must be POST for a proxied order, got ${request.method}`);
  }
  const body = readBody(api, request.body);
  const fields = ORDER_FIELDS[api];

  checkAppIds(body, fields.appids, qqAppId);

  const expected = expectedNotifyUrl(api, body);
  if (body.notify_url !== expected) {
    throw new QqProxyError(
      'ERR_QQ_PREFLIGHT_NOTIFY_URL',
      `notify_url must be ${expected} for this order; QQ would answer 9031`,
      {
        errcode: 9031,
        field: 'notify_url',
        meaning: "the order's notify_url is not QQ's notify URL for this order",
        remedy: 'let prepareV2Order/prepareV3Order set it and pass your own as realNotifyUrl',
      },
    );
  }

  if (api !== 'v2-unifiedorder') {
    const merchant = body[fields.merchant] as string;
    const headerMchid = authorizationMchid(request.headers);
    for (const [what, mchid] of [
      ['the Authorization header', headerMchid],
      ['the signer', options.signerMchid],
    ] as const) {
      if (mchid !== undefined && mchid !== merchant) {
        throw new QqProxyError(
          'ERR_QQ_PREFLIGHT_MCHID',
          `${what} names merchant ${mchid} but ${fields.merchant} is ${merchant}`,
          {
            field: fields.merchant,
            meaning: "the request is signed for another merchant than the body's",
            remedy: `sign with the key of the merchant in ${fields.merchant}`,
          },
        );
      }
    }
  }
}

function readBody(api: ProxyApi, body: string): Record<string, unknown> {
  if (api === 'v2-unifiedorder') {
    try {
      return decodeXml(body);
    } catch (cause) {
      throw unparsable('is not flat XML under <xml>', cause);
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    // The parser's message quotes the body around the fault, so it is not kept as the cause.
    throw unparsable('is not JSON');
  }
  if (!isPlainObject(value)) throw unparsable('is not a JSON object');
  return value;
}

function unparsable(why: string, cause?: unknown): QqProxyError {
  return new QqProxyError('ERR_QQ_PREFLIGHT_BODY', `the order body ${why}; QQ would answer 9034`, {
    errcode: 9034,
    cause,
    meaning: 'QQ could not parse the request body',
    remedy: 'send V2 orders as signed XML under <xml> and V3 orders as a JSON object',
  });
}

function expectedNotifyUrl(api: ProxyApi, body: Record<string, unknown>): string {
  if (api === 'v2-unifiedorder') return QQ_NOTIFY_URL_V2;
  const { merchant, orderNo } = ORDER_FIELDS[api];
  try {
    return notifyUrlV3(body[merchant] as string, body[orderNo] as string);
  } catch (cause) {
    throw new QqProxyError(
      'ERR_QQ_PREFLIGHT_NOTIFY_URL',
      `${merchant} and ${orderNo} must be present and valid to form QQ's notify URL`,
      { field: typeof body[merchant] === 'string' ? orderNo : merchant, errcode: 9031, cause },
    );
  }
}

function authorizationMchid(headers: Record<string, string>): string | undefined {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization');
  if (entry === undefined) return undefined;
  const match = /(?:^|[\s,])mchid="([^"]*)"/.exec(entry[1]);
  return match?.[1];
}
