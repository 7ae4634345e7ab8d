import { checkKey, presentEntries } from './internal/params.ts';
import type { V2Params } from './types.ts';

/**
 * Builds the exact string a V2 signature covers: non-empty parameters except `sign`, sorted
 * by name in code-unit order, as `name=value` joined with `&`, then `&key=` and the API key.
 *
 * @param params - the parameters; `''`, `null` and `undefined` are left out, `'0'` is kept
 * @param key - the merchant's API key
 * @returns the string to hash
 * @throws TypeError when a value is a fraction, an unsafe integer, a boolean, an object or
 *   holds a lone surrogate, or when `key` is not a non-empty string
 * @example
 * ```ts
 * stringToSign({ mch_id: '10000100', body: 'test' }, key);
 * // 'body=test&mch_id=10000100&key=…'
 * ```
 */
export function stringToSign(params: V2Params, key: string): string {
  checkKey(key);
  const entries = presentEntries(params).filter(([name]) => name !== 'sign');
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let text = '';
  for (const [name, value] of entries) text += `${name}=${value}&`;
  return `${text}key=${key}`;
}
