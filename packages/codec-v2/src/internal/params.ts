import type { V2Params } from '../types.ts';
import { checkApiKey } from './api-key.ts';

/**
 * Whether `name` is a field name this package reads and writes: an ASCII letter or `_`, then
 * letters, digits, `_`, `.` or `-` (XML-safe, never `=` or `&`).
 */
export function isFieldName(name: string): boolean {
  if (KNOWN_NAMES.has(name)) return true;
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
    if (letter) continue;
    if (i > 0 && ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d)) continue;
    return false;
  }
  if (KNOWN_NAMES.size < KNOWN_NAMES_LIMIT && name.length <= 64) KNOWN_NAMES.add(name);
  return true;
}

// Names already checked, so that the few dozen names of WeChat Pay's messages are checked once
// per process; bounded, so names from many different messages cannot grow it without end.
const KNOWN_NAMES = new Set<string>();
const KNOWN_NAMES_LIMIT = 1024;

/** Whether `text` holds a UTF-16 surrogate without its partner (not encodable as UTF-8). */
export function hasLoneSurrogate(text: string): boolean {
  return !(text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** Refuses anything but a V2 API key (32 printable ASCII characters); see {@link checkApiKey}. */
export function checkKey(key: unknown, name = 'key'): asserts key is string {
  checkApiKey(key, name);
}

/** Refuses anything but a plain object of parameters. */
export function checkParams(params: unknown, name = 'params'): asserts params is V2Params {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new TypeError(`${name} must be an object of V2 fields, got ${describe(params)}`);
  }
}

/**
 * A present value as the text signed and sent: a string without lone surrogates, or a safe
 * integer in decimal; anything else is refused, naming the field as `owner.field` (built only
 * then, not for every value).
 */
export function valueText(value: unknown, owner: string, field: string): string {
  if (typeof value === 'string') {
    if (!hasLoneSurrogate(value)) return value;
    throw new TypeError(`${owner}.${field} holds a lone UTF-16 surrogate`);
  }
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return String(value);
    const message = `must be a string or a safe integer, got the number ${value}`;
    throw new TypeError(`${owner}.${field} ${message}`);
  }
  throw new TypeError(
    `${owner}.${field} must be a string or a safe integer, got ${describe(value)}`,
  );
}

/** A short description of a value's type for error messages (never the value itself). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
