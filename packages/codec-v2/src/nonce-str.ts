import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// 62 * 4 = 248: bytes at or above it are dropped so every letter is equally likely.
const LIMIT = 248;

/**
 * Draws a random `nonce_str` of letters and digits from the operating system's CSPRNG.
 *
 * @param length - how many characters, 1 to 32 (WeChat's limit); 32 by default
 * @returns the nonce
 * @throws RangeError when `length` is not an integer from 1 to 32
 * @example
 * ```ts
 * const params = { appid, mch_id, nonce_str: nonceStr(), body: 'test' };
 * ```
 */
export function nonceStr(length = 32): string {
  if (!Number.isInteger(length) || length < 1 || length > 32) {
    throw new RangeError(`length must be an integer from 1 to 32, got ${length}`);
  }
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= LIMIT) continue;
      out += ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}
