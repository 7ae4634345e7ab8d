import { checkQqAppId } from './build-proxy-url.ts';
import { QqProxyError } from './errors.ts';
import type { HttpRequest, HttpResponse } from './http.ts';
import { QQ_PROXY_BASE } from './proxy-api.ts';
import { readQqEnvelope } from './qq-error.ts';

/** What QQ's `getToken` needs: the QQ mini program's appid and secret. */
export interface QqAppCredentials {
  /** The QQ mini program's appid (digits). */
  appId: string;
  /** The QQ mini program's AppSecret. Never placed in any error. */
  secret: string;
}

/** An access token as QQ's `getToken` returned it. */
export interface QqAccessToken {
  /** The token, for the `access_token` query parameter. */
  accessToken: string;
  /** Its lifetime in seconds from when QQ answered. */
  expiresIn: number;
}

/**
 * Builds the request for QQ's `getToken`:
 * `GET https://api.q.qq.com/api/getToken?grant_type=client_credential&appid=…&secret=…`.
 * The URL holds the secret: send it, never log it.
 *
 * @param credentials - the QQ appid and secret
 * @throws RangeError when `appId` is not digits
 * @throws TypeError when `secret` is empty or not a string
 * @example
 * ```ts
 * const req = getTokenRequest({ appId: '1112223334', secret });
 * const res = await fetch(req.url, { method: req.method, headers: req.headers });
 * ```
 */
export function getTokenRequest(credentials: QqAppCredentials): HttpRequest {
  checkQqAppId(credentials.appId);
  if (typeof credentials.secret !== 'string' || credentials.secret.length === 0) {
    throw new TypeError('secret must be a non-empty string');
  }
  const query =
    'grant_type=client_credential' +
    `&appid=${encodeURIComponent(credentials.appId)}` +
    `&secret=${encodeURIComponent(credentials.secret)}`;
  return {
    method: 'GET',
    url: `${QQ_PROXY_BASE}/api/getToken?${query}`,
    headers: { Accept: 'application/json' },
    body: '',
  };
}

/**
 * Reads QQ's `getToken` answer: `{"errcode":0,"errmsg":"","access_token":"…","expires_in":7200}`.
 *
 * @param response - the HTTP answer
 * @returns the token and its lifetime in seconds
 * @throws QqProxyError `ERR_QQ_TOKEN_FAILED` when QQ answers a non-zero `errcode`
 * @throws QqProxyError `ERR_QQ_HTTP_STATUS` for a non-2xx answer without QQ's envelope
 * @throws QqProxyError `ERR_QQ_TOKEN_MALFORMED` when the body is not JSON or lacks
 *   `access_token` or a positive `expires_in`
 * @example
 * ```ts
 * const { accessToken, expiresIn } = parseGetTokenResponse({ status, headers, body });
 * ```
 */
export function parseGetTokenResponse(response: HttpResponse): QqAccessToken {
  const text =
    typeof response.body === 'string' ? response.body : Buffer.from(response.body).toString();
  const envelope = readQqEnvelope(text);
  if (envelope !== undefined && envelope.errcode !== 0) {
    throw new QqProxyError(
      'ERR_QQ_TOKEN_FAILED',
      `QQ getToken answered errcode ${envelope.errcode}: ${envelope.errmsg.slice(0, 200) || 'no errmsg'}`,
      {
        errcode: envelope.errcode,
        errmsg: envelope.errmsg,
        status: response.status,
        meaning: 'QQ refused to issue an access token',
        remedy: "check the QQ mini program's appid and AppSecret and the server's IP whitelist",
      },
    );
  }
  if (response.status < 200 || response.status > 299) {
    throw new QqProxyError('ERR_QQ_HTTP_STATUS', `QQ getToken answered HTTP ${response.status}`, {
      status: response.status,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's message quotes the text around the fault, which may be the token itself,
    // so it is not kept as the cause.
    throw malformed('is not JSON', response.status);
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const accessToken = record.access_token;
  const expiresIn = Number(record.expires_in);
  if (typeof accessToken !== 'string' || accessToken.length === 0) {
    throw malformed('has no access_token', response.status);
  }
  if (!Number.isSafeInteger(expiresIn) || expiresIn <= 0) {
    throw malformed('has no positive whole expires_in', response.status);
  }
  return { accessToken, expiresIn };
}

function malformed(why: string, status: number): QqProxyError {
  return new QqProxyError('ERR_QQ_TOKEN_MALFORMED', `QQ getToken answer ${why}`, { status });
}
