import { headerReader } from './internal/header-reader.ts';

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
  return headerReader(headers)(name);
}
