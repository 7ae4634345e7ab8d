import { QqProxyError } from './errors.ts';
import { QQ_PROXY_BASE } from './proxy-api.ts';

/** The longest notify URL accepted: WeChat Pay V2 allows 256 characters, V3 255. */
export const MAX_NOTIFY_URL_LENGTH = 256;

const SCHEME = /^https?:\/\/[^/]/i;
// Characters a URL may not carry raw (RFC 3986 excludes them); spaces and controls apart.
const UNSAFE = /[\s<>"\\^`{|}]/;

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || unit === 0x7f) return true;
  }
  return false;
}

/**
 * Checks the notify URL rule shared by WeChat Pay and QQ's `real_notify_url`: an absolute
 * `http` or `https` URL with a host and no credentials, no query, no fragment, no spaces or control characters,
 * at most {@link MAX_NOTIFY_URL_LENGTH} characters.
 *
 * @param url - the candidate notify URL
 * @param field - the field named in the error, `real_notify_url` by default
 * @throws QqProxyError `ERR_QQ_INVALID_NOTIFY_URL` naming the field and the broken rule
 * @example
 * ```ts
 * assertNotifyUrl('https://shop.example.com/pay/notify');   // passes
 * assertNotifyUrl('https://shop.example.com/notify?a=1');   // throws: has a query
 * ```
 */
export function assertNotifyUrl(url: unknown, field = 'real_notify_url'): asserts url is string {
  const why = notifyUrlProblem(url);
  if (why !== undefined) {
    throw new QqProxyError('ERR_QQ_INVALID_NOTIFY_URL', `${field} ${why}`, {
      field,
      meaning: 'the notify URL breaks the rule: absolute http(s), no query, no fragment',
      remedy: 'pass the callback address alone, such as https://shop.example.com/pay/notify',
    });
  }
}

const QQ_HOST = new URL(QQ_PROXY_BASE).hostname;

/**
 * Checks a merchant's own callback address for QQ's `real_notify_url`: the notify URL rule of
 * {@link assertNotifyUrl}, and not on QQ's host (`api.q.qq.com`), since QQ would forward the
 * callback back to itself and the merchant would never hear of the payment.
 *
 * @param url - the candidate `real_notify_url`
 * @throws QqProxyError `ERR_QQ_INVALID_NOTIFY_URL` naming `real_notify_url` and the broken rule
 * @example
 * ```ts
 * assertRealNotifyUrl('https://shop.example.com/pay/notify'); // passes
 * assertRealNotifyUrl('https://api.q.qq.com/wxpay/notify');   // throws: QQ's own URL
 * ```
 */
export function assertRealNotifyUrl(url: unknown): asserts url is string {
  assertNotifyUrl(url, 'real_notify_url');
  if (isQqHostUrl(url)) {
    throw new QqProxyError(
      'ERR_QQ_INVALID_NOTIFY_URL',
      `real_notify_url is on QQ's host ${QQ_HOST}: it must be the merchant's own address`,
      {
        field: 'real_notify_url',
        meaning: "QQ's notify URLs go in the order's notify_url, never in real_notify_url",
        remedy: 'pass your own callback address, such as https://shop.example.com/pay/notify',
      },
    );
  }
}

/**
 * Tells whether a URL is on QQ's host (`api.q.qq.com`), whatever its path.
 *
 * @param url - a candidate URL
 * @example
 * ```ts
 * isQqHostUrl('https://API.q.qq.com/wxpay/notify'); // true
 * ```
 */
export function isQqHostUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    return new URL(url).hostname.replace(/\.$/, '') === QQ_HOST;
  } catch {
    return false;
  }
}

/**
 * Tells whether a value obeys the notify URL rule of {@link assertNotifyUrl}.
 *
 * @param url - the candidate notify URL
 * @example
 * ```ts
 * isValidNotifyUrl('http://127.0.0.1:8080/cb'); // true
 * ```
 */
export function isValidNotifyUrl(url: unknown): url is string {
  return notifyUrlProblem(url) === undefined;
}

function notifyUrlProblem(url: unknown): string | undefined {
  if (typeof url !== 'string') return `must be a string, got ${typeof url}`;
  if (url.length === 0) return 'is empty';
  if (url.length > MAX_NOTIFY_URL_LENGTH) {
    return `is ${url.length} characters long, more than ${MAX_NOTIFY_URL_LENGTH}`;
  }
  if (!SCHEME.test(url)) return 'must be an absolute URL: http:// or https:// and a host';
  if (url.includes('?')) return 'must not carry a query';
  if (url.includes('#')) return 'must not carry a fragment';
  if (UNSAFE.test(url) || hasControl(url)) return 'holds a space, control or unsafe character';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a well-formed URL';
  }
  if (parsed.hostname === '') return 'has no host';
  if (parsed.username !== '' || parsed.password !== '') return 'must not carry user:password@';
  return undefined;
}
