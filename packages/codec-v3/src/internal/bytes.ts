const NOT_BASE64 = /[^A-Za-z0-9+/]/;

/** UTF-8 bytes of a string, or a Buffer view of bytes (no copy). */
export function toBytes(input: string | Uint8Array): Buffer {
  if (typeof input === 'string') return Buffer.from(input, 'utf8');
  return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

/**
 * Decodes canonical base64 (standard alphabet, padded, no whitespace, zero spare bits);
 * anything else gives `undefined`. Every check runs in linear time without backtracking, so a
 * value of many megabytes cannot exhaust the regular expression engine's stack.
 */
export function decodeBase64Strict(text: string): Buffer | undefined {
  if (typeof text !== 'string' || text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (NOT_BASE64.test(text.slice(0, text.length - padding))) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return undefined;
  return bytes;
}

/** Decodes UTF-8 strictly; invalid sequences give `undefined`. */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A short description of a value's type for TypeError messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Uint8Array) return 'bytes';
  return typeof value;
}
