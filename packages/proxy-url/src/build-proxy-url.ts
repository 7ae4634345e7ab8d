import { isWellFormedText } from './internal/text.ts';
import { assertRealNotifyUrl } from './notify-url-rule.ts';
import { type ProxyApi, proxyPathFor, QQ_PROXY_BASE } from './proxy-api.ts';

/** What a QQ proxy order URL is made of. */
export interface ProxyUrlParts {
  /** Which of the four proxied endpoints. */
  api: ProxyApi;
  /** The QQ mini program's appid (digits), not WeChat's `wx…` appid. */
  qqAppId: string;
  /** The access token from QQ's `getToken`. */
  accessToken: string;
  /** Where QQ should forward the payment callback; QQ's console setting when absent. */
  realNotifyUrl?: string | undefined;
}

const QQ_APPID = /^\d{1,32}$/;

/**
 * Builds the URL of QQ's proxied order endpoint: `appid`, `access_token` and the optional
 * `real_notify_url`, each value encoded as a URI component, joined by single `&`.
 *
 * @param parts - the endpoint, QQ appid, access token and optional callback address
 * @throws TypeError when `api` is unknown, `accessToken` is empty or not well-formed text
 * @throws RangeError when `qqAppId` is not 1–32 digits
 * @throws QqProxyError `ERR_QQ_INVALID_NOTIFY_URL` when `realNotifyUrl` breaks the notify URL rule
 * @example
 * ```ts
 * buildProxyUrl({ api: 'v3-h5', qqAppId: '1112223334', accessToken: token });
 * // 'https://api.q.qq.com/wxpay/v3/pay/transactions/h5?appid=1112223334&access_token=…'
 * ```
 */
export function buildProxyUrl(parts: ProxyUrlParts): string {
  const path = proxyPathFor(parts.api);
  checkQqAppId(parts.qqAppId);
  checkAccessToken(parts.accessToken);
  let query = `appid=${encodeURIComponent(parts.qqAppId)}`;
  query += `&access_token=${encodeURIComponent(parts.accessToken)}`;
  if (parts.realNotifyUrl !== undefined) {
    assertRealNotifyUrl(parts.realNotifyUrl);
    query += `&real_notify_url=${encodeURIComponent(parts.realNotifyUrl)}`;
  }
  return `${QQ_PROXY_BASE}${path}?${query}`;
}

/**
 * Checks a QQ mini program appid: 1–32 decimal digits.
 *
 * @param qqAppId - the candidate appid
 * @throws RangeError naming `qqAppId` when it is not digits
 * @example
 * ```ts
 * checkQqAppId('1112223334');
 * ```
 */
export function checkQqAppId(qqAppId: unknown): asserts qqAppId is string {
  if (typeof qqAppId !== 'string' || !QQ_APPID.test(qqAppId)) {
    const got = typeof qqAppId === 'string' ? `${qqAppId.length} characters` : typeof qqAppId;
    throw new RangeError(`qqAppId must be the QQ mini program's appid, 1-32 digits; got ${got}`);
  }
}

function checkAccessToken(accessToken: unknown): asserts accessToken is string {
  if (typeof accessToken !== 'string' || accessToken.length === 0) {
    throw new TypeError('accessToken must be a non-empty string');
  }
  if (!isWellFormedText(accessToken)) {
    throw new TypeError('accessToken must be well-formed text (it holds a lone surrogate)');
  }
}
