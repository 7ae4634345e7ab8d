import { describe } from './params.ts';

/** The length of the API key that WeChat Pay's merchant platform sets for V2. */
export const API_KEY_LENGTH = 32;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Refuses anything but a V2 API key: exactly 32 printable ASCII characters. The message gives
 * the expected and the actual length, never the key.
 *
 * @throws TypeError when the key is not a string
 * @throws RangeError when it has the wrong length or a character outside printable ASCII
 */
export function checkApiKey(key: unknown, name = 'key'): asserts key is string {
  if (typeof key !== 'string') {
    throw new TypeError(`${name} must be a string, got ${describe(key)}`);
  }
  if (key.length !== API_KEY_LENGTH) {
    throw new RangeError(
      `${name} must be ${API_KEY_LENGTH} printable ASCII characters, got ${key.length}`,
    );
  }
  if (!PRINTABLE_ASCII.test(key)) {
    throw new RangeError(`${name} must be printable ASCII only (0x20-0x7e)`);
  }
}
