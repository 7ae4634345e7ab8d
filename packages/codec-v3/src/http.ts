import { V3Error } from './errors.ts';

/** Headers as WHATWG `Headers`, Node's `IncomingHttpHeaders` or a plain record. */
export type HeadersLike =
  | Headers
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/** An HTTP request as plain data: what is signed is what is sent. */
export interface HttpRequest {
  /** The method, upper case. */
  method: string;
  /** The absolute URL. */
  url: string;
  /** Header names and values. */
  headers: Record<string, string>;
  /** The exact body sent; empty for none. */
  body: string;
}

/** An HTTP response as plain data, body as received. */
export interface HttpResponse {
  /** The HTTP status. */
  status: number;
  /** The response headers. */
  headers: HeadersLike;
  /** The raw body, as received. */
  body: string | Uint8Array;
}

function isHeaders(headers: HeadersLike): headers is Headers {
  return typeof Headers !== 'undefined' && headers instanceof Headers;
}

/**
 * Reads one header by case-insensitive name; a header given twice is refused.
 *
 * @param headers - the headers to read
 * @param name - the header name, any case
 * @returns the value, or `undefined` when absent
 * @throws V3Error `ERR_V3_HEADER_DUPLICATED` when the name appears more than once
 * @example
 * ```ts
 * getHeader({ 'wechatpay-serial': '5157F09EFDC096DE15EBE81A47057A7232F1B8E1' }, 'Wechatpay-Serial');
 * ```
 */
export function getHeader(headers: HeadersLike, name: string): string | undefined {
  if (isHeaders(headers)) return headers.get(name) ?? undefined;
  if (typeof headers !== 'object' || headers === null) {
    throw new TypeError(`headers: expected Headers or a record, got ${typeof headers}`);
  }
  const wanted = name.toLowerCase();
  let found: string | undefined;
  let seen = false;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (seen) throw duplicated(name);
    seen = true;
    found = single(value, name);
  }
  return found;
}

function single(value: string | readonly string[] | number, name: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value.length !== 1) throw duplicated(name);
  return value[0] as string;
}

function duplicated(name: string): V3Error {
  return new V3Error('ERR_V3_HEADER_DUPLICATED', `header ${name} appears more than once`, {
    field: name,
  });
}
