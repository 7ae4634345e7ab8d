import { describe, toBytes } from './internal/bytes.ts';
import { checkMethod, checkTimestamp, checkToken } from './internal/fields.ts';

const SCHEME_AND_AUTHORITY = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

/**
 * Reduces a URL to the path and query that go on the request line, without re-encoding
 * anything; a path is returned as it is.
 *
 * @param url - an absolute URL or a path starting with `/`
 * @returns the path and query, exactly as written
 * @throws TypeError when `url` is neither, or holds spaces, control characters or a fragment
 * @example
 * ```ts
 * pathAndQuery('https://api.mch.weixin.qq.com/v3/pay/transactions/id/42?mchid=1230000109');
 * // '/v3/pay/transactions/id/42?mchid=1230000109'
 * ```
 */
export function pathAndQuery(url: string): string {
  if (typeof url !== 'string') throw new TypeError(`url: expected a string, got ${describe(url)}`);
  const authority = SCHEME_AND_AUTHORITY.exec(url);
  let target = authority ? url.slice(authority[0].length) : url;
  if (authority && target === '') target = '/';
  if (authority && target.startsWith('?')) target = `/${target}`;
  if (!target.startsWith('/') || target.startsWith('//')) {
    throw new TypeError('url: expected an absolute URL or a path starting with /');
  }
  if (!isSendable(target)) {
    throw new TypeError('url: spaces, control characters and fragments are not sent; encode them');
  }
  return target;
}

/** Checks a request body: a string or bytes, never an object to be serialised later. */
export function checkBody(body: unknown): string | Uint8Array {
  if (body === undefined) return '';
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  throw new TypeError(
    `body: expected the exact string or bytes sent, got ${describe(body)}; serialise it first`,
  );
}

/** The signed message as bytes: `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n`. */
export function requestMessageBytes(
  method: string,
  url: string,
  timestamp: string | number,
  nonce: string,
  body: string | Uint8Array | undefined,
): Buffer {
  const head = `${checkMethod(method)}\n${pathAndQuery(url)}\n${checkTimestamp(timestamp)}\n${checkToken(nonce, 'nonce')}\n`;
  return Buffer.concat([Buffer.from(head, 'utf8'), toBytes(checkBody(body)), Buffer.from('\n')]);
}

/**
 * The exact string a V3 request signature covers: `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n`,
 * URL reduced to path and query, every line LF-terminated, an empty body as an empty line.
 *
 * @param method - the HTTP method, upper case
 * @param url - the URL or path and query, exactly as sent
 * @param timestamp - Unix seconds
 * @param nonce - the nonce string
 * @param body - the exact body sent (string or bytes), empty or `undefined` for none
 * @returns the message (bytes bodies read as UTF-8)
 * @throws TypeError naming the parameter that is malformed; an object body is refused
 * @example
 * ```ts
 * requestMessage('GET', '/v3/certificates', 1554208460, '593BEC0C930BF1AFEB40B4A08C8FB242', '');
 * ```
 */
export function requestMessage(
  method: string,
  url: string,
  timestamp: string | number,
  nonce: string,
  body?: string | Uint8Array,
): string {
  return requestMessageBytes(method, url, timestamp, nonce, body).toString('utf8');
}

/** Whether every character may appear unencoded in a request target (no space, control, `#`). */
function isSendable(target: string): boolean {
  for (let i = 0; i < target.length; i++) {
    const code = target.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f || code === 0x23) return false;
  }
  return true;
}
