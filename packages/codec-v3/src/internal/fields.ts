import { randomBytes } from 'node:crypto';
import { describe } from './bytes.ts';

const METHOD = /^[A-Z]{1,16}$/;
const TOKEN = /^[\x21\x23-\x2b\x2d-\x5b\x5d-\x7e]{1,64}$/;
const TIMESTAMP = /^[0-9]{1,12}$/;

/** Checks an HTTP method: upper-case letters, as it goes on the wire. */
export function checkMethod(method: unknown): string {
  if (typeof method !== 'string' || !METHOD.test(method)) {
    throw new TypeError(`method: expected an upper-case HTTP method, got ${describe(method)}`);
  }
  return method;
}

/**
 * Checks a value that goes inside a quoted header attribute: printable ASCII without space,
 * quote, comma or backslash, 1–64 characters.
 */
export function checkToken(value: unknown, name: string): string {
  if (typeof value !== 'string' || !TOKEN.test(value)) {
    throw new TypeError(
      `${name}: expected 1-64 printable ASCII characters without space, quote, comma or backslash`,
    );
  }
  return value;
}

/** Checks a Unix timestamp in seconds, given as digits or a safe integer; returns the digits. */
export function checkTimestamp(value: unknown, name = 'timestamp'): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && TIMESTAMP.test(value)) return value;
  throw new TypeError(`${name}: expected Unix seconds as digits, got ${describe(value)}`);
}

/** The current Unix time in seconds as digits. */
export function currentTimestamp(): string {
  return String(Math.floor(Date.now() / 1000));
}

/** A fresh nonce: 32 upper-case hex characters from the CSPRNG. */
export function freshNonce(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

/** `now` as Unix seconds: a Date, or a number of seconds (milliseconds are refused). */
export function nowSeconds(now: Date | number | undefined): number {
  if (now === undefined) return Math.floor(Date.now() / 1000);
  if (now instanceof Date) {
    const ms = now.getTime();
    if (Number.isNaN(ms)) throw new RangeError('now: invalid Date');
    return Math.floor(ms / 1000);
  }
  if (typeof now === 'number' && Number.isSafeInteger(now) && now >= 0 && now < 1e11) return now;
  throw new RangeError('now: expected a Date or Unix time in whole seconds');
}
