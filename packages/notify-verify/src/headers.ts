import { NotifyError } from './errors.ts';

/** Anything with a WHATWG `Headers`-style `forEach`, such as `Headers` itself. */
export interface HeadersIterable {
  forEach(callback: (value: string, name: string) => void): void;
}

/**
 * Request headers as frameworks hand them over: a WHATWG `Headers`, Node's
 * `IncomingHttpHeaders`, or a plain record. Names are matched case-insensitively.
 */
export type HeadersLike =
  | HeadersIterable
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/**
 * Copies headers into a record keyed by lower-case name, one string value each.
 *
 * A name given twice with different values (for example `Wechatpay-Serial` and
 * `wechatpay-serial` in a plain record, or a repeated header that Node kept as an array) is
 * refused: the verifier must not have to guess which one was signed.
 *
 * @param headers - the request headers in any {@link HeadersLike} form
 * @returns a null-prototype record of lower-case names to values
 * @throws TypeError when `headers` is not an object, or a value is neither a string, a number
 *   nor an array of strings
 * @throws NotifyError `ERR_NOTIFY_HEADERS_INVALID` for a name given twice with different values
 * @example
 * ```ts
 * normalizeHeaders({ 'Wechatpay-Nonce': 'abc' })['wechatpay-nonce']; // 'abc'
 * ```
 */
export function normalizeHeaders(headers: HeadersLike): Record<string, string> {
  if (typeof headers !== 'object' || headers === null) {
    throw new TypeError(`headers: expected Headers or a record, got ${typeof headers}`);
  }
  const out: Record<string, string> = Object.create(null);
  const put = (name: string, value: string): void => {
    const lower = name.toLowerCase();
    const existing = out[lower];
    if (existing !== undefined && existing !== value) {
      throw new NotifyError('ERR_NOTIFY_HEADERS_INVALID', `header ${lower} given twice`, {
        field: lower,
      });
    }
    out[lower] = value;
  };

  if (isIterable(headers)) {
    headers.forEach((value, name) => {
      put(name, value);
    });
    return out;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number') {
      put(name, String(value));
      continue;
    }
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      throw new TypeError(`headers.${name}: expected a string or an array of strings`);
    }
    const values = value as readonly string[];
    const distinct = new Set(values);
    if (distinct.size > 1) {
      throw new NotifyError('ERR_NOTIFY_HEADERS_INVALID', `header ${name} given twice`, {
        field: name.toLowerCase(),
      });
    }
    if (values.length > 0) put(name, values[0] as string);
  }
  return out;
}

function isIterable(headers: HeadersLike): headers is HeadersIterable {
  return typeof (headers as { forEach?: unknown }).forEach === 'function';
}
