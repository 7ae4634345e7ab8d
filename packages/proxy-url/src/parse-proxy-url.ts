import type { ProxyUrlParts } from './build-proxy-url.ts';
import { QqProxyError } from './errors.ts';
import { assertRealNotifyUrl } from './notify-url-rule.ts';
import { apiForProxyPath, QQ_PROXY_BASE } from './proxy-api.ts';

const KNOWN = new Set(['appid', 'access_token', 'real_notify_url']);

/**
 * Takes a QQ proxy order URL apart again: the endpoint, the QQ appid, the access token and
 * the optional `real_notify_url`, each decoded. Empty pieces between separators are skipped,
 * so the doubled `&&` printed on QQ's page is accepted.
 *
 * @param url - a URL made by {@link buildProxyUrl} or by hand
 * @throws QqProxyError `ERR_QQ_INVALID_PROXY_URL` for another host or path, a fragment, a
 *   missing, repeated, unknown or undecodable parameter, or an appid that is not digits
 * @throws QqProxyError `ERR_QQ_INVALID_NOTIFY_URL` when `real_notify_url` breaks the rule
 * @example
 * ```ts
 * parseProxyUrl('https://api.q.qq.com/wxpay/unifiedorder?appid=1112223334&&access_token=T');
 * // { api: 'v2-unifiedorder', qqAppId: '1112223334', accessToken: 'T' }
 * ```
 */
export function parseProxyUrl(url: string): ProxyUrlParts {
  if (typeof url !== 'string') throw new TypeError(`url must be a string, got ${typeof url}`);
  if (!url.startsWith(`${QQ_PROXY_BASE}/`)) refuse('is not on https://api.q.qq.com');
  if (url.includes('#')) refuse('must not carry a fragment');

  const rest = url.slice(QQ_PROXY_BASE.length);
  const mark = rest.indexOf('?');
  const path = mark === -1 ? rest : rest.slice(0, mark);
  const api = apiForProxyPath(path);
  if (api === undefined) refuse('has a path that is none of the four proxied order endpoints');

  const values = new Map<string, string>();
  for (const piece of (mark === -1 ? '' : rest.slice(mark + 1)).split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = decode(eq === -1 ? piece : piece.slice(0, eq), 'a parameter name');
    if (!KNOWN.has(name))
      refuse('carries a parameter other than appid, access_token, real_notify_url');
    if (values.has(name)) refuse(`repeats ${name}`);
    values.set(name, decode(eq === -1 ? '' : piece.slice(eq + 1), name));
  }

  const qqAppId = values.get('appid');
  const accessToken = values.get('access_token');
  if (qqAppId === undefined || !/^\d{1,32}$/.test(qqAppId))
    refuse('needs appid, the QQ appid (digits)');
  if (accessToken === undefined || accessToken === '') refuse('needs a non-empty access_token');
  const parts: ProxyUrlParts = { api, qqAppId, accessToken };
  const realNotifyUrl = values.get('real_notify_url');
  if (realNotifyUrl !== undefined) {
    assertRealNotifyUrl(realNotifyUrl);
    parts.realNotifyUrl = realNotifyUrl;
  }
  return parts;
}

function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch (cause) {
    return refuse(`has ${what} that is not valid percent-encoding`, cause);
  }
}

function refuse(why: string, cause?: unknown): never {
  throw new QqProxyError('ERR_QQ_INVALID_PROXY_URL', `the proxy URL ${why}`, {
    cause,
    meaning: 'the URL is not one of the QQ proxy order URLs this package builds',
    remedy: 'build it with buildProxyUrl',
  });
}
