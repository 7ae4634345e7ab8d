import type { HttpRequest } from '../http.ts';

/** WeChat Pay's API host; requests point here unless a `baseUrl` is given. */
export const V3_BASE_URL = 'https://api.mch.weixin.qq.com';

/** Options every request builder takes. */
export interface RequestOptions {
  /** Origin to send to instead of {@link V3_BASE_URL} (a loopback sandbox in tests). */
  baseUrl?: string;
}

/** An unsigned request to `path` on the chosen origin; a body is serialised exactly once. */
export function unsignedRequest(
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  options: RequestOptions,
): HttpRequest {
  const base = options.baseUrl ?? V3_BASE_URL;
  if (typeof base !== 'string' || !/^https?:\/\/[^/?#]+$/.test(base)) {
    throw new TypeError('baseUrl: expected an origin such as https://api.mch.weixin.qq.com');
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return {
    method,
    url: `${base}${path}`,
    headers,
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

/** A path segment, percent-encoded. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
