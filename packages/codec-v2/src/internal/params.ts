import type { V2Params } from '../types.ts';

/**
 * Whether `name` is a field name this package reads and writes: an ASCII letter or `_`, then
 * letters, digits, `_`, `.` or `-` (XML-safe, never `=` or `&`).
 */
export function isFieldName(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
    if (letter) continue;
    if (i > 0 && ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d)) continue;
    return false;
  }
  return true;
}

/** Whether `text` holds a UTF-16 surrogate without its partner (not encodable as UTF-8). */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit >= 0xdc00) return true;
    const next = text.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
    i++;
  }
  return false;
}

/** Refuses a key that is not a non-empty, well-formed string. */
export function checkKey(key: unknown, name = 'key'): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new TypeError(`${name} must be a non-empty string, got ${describe(key)}`);
  }
  if (hasLoneSurrogate(key)) throw new TypeError(`${name} holds a lone UTF-16 surrogate`);
}

/** Refuses anything but a plain object of parameters. */
export function checkParams(params: unknown, name = 'params'): asserts params is V2Params {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new TypeError(`${name} must be an object of V2 fields, got ${describe(params)}`);
  }
}

/**
 * The non-empty parameters as `[name, value]` pairs with string values, in the object's own
 * order. Empty means `''`, `null` or `undefined`; `'0'` and `0` are values. Safe integers are
 * written in decimal; anything else that is not a string is refused, naming the field.
 */
export function presentEntries(params: V2Params, name = 'params'): [string, string][] {
  checkParams(params, name);
  const entries: [string, string][] = [];
  for (const field of Object.keys(params)) {
    const value = params[field];
    if (value === undefined || value === null || value === '') continue;
    if (!isFieldName(field)) {
      throw new TypeError(`${name}: field name ${JSON.stringify(field)} is not a V2 field name`);
    }
    entries.push([field, valueText(value, `${name}.${field}`)]);
  }
  return entries;
}

function valueText(value: unknown, name: string): string {
  if (typeof value === 'string') {
    if (hasLoneSurrogate(value)) throw new TypeError(`${name} holds a lone UTF-16 surrogate`);
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new TypeError(`${name} must be a string or a safe integer, got the number ${value}`);
    }
    return String(value);
  }
  throw new TypeError(`${name} must be a string or a safe integer, got ${describe(value)}`);
}

/** A short description of a value's type for error messages (never the value itself). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
