import { checkKey, checkParams, isFieldName, valueText } from './internal/params.ts';
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
  checkParams(params);
  // The default sort compares UTF-16 code units, the order WeChat Pay signs in.
  const names = Object.keys(params).sort();
  let text = '';
  for (const field of names) {
    const value = params[field];
    if (value === undefined || value === null || value === '') continue;
    if (!isFieldName(field)) {
      throw new TypeError(`params: field name ${JSON.stringify(field)} is not a V2 field name`);
    }
    const written = valueText(value, 'params', field);
    if (field !== 'sign') text += `${field}=${written}&`;
  }
  return `${text}key=${key}`;
}
