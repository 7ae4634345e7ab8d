import { describe, toBytes } from './bytes.ts';

/**
 * The APIv3 key as its 32 bytes, never trimmed: a pasted trailing newline or space is a
 * RangeError, not a silent fix.
 */
export function apiV3KeyBytes(apiV3Key: string | Uint8Array): Buffer {
  if (typeof apiV3Key !== 'string' && !(apiV3Key instanceof Uint8Array)) {
    throw new TypeError(`apiV3Key: expected a string or bytes, got ${describe(apiV3Key)}`);
  }
  const bytes = toBytes(apiV3Key);
  if (bytes.length !== 32) {
    throw new RangeError(`apiV3Key: the APIv3 key must be 32 bytes, got ${bytes.length}`);
  }
  return bytes;
}
