/** UTF-8 bytes of a string, or a Buffer view of bytes (no copy). */
export function toBytes(input: string | Uint8Array): Buffer {
  if (typeof input === 'string') return Buffer.from(input, 'utf8');
  return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

/**
 * Decodes canonical base64 (standard alphabet, padded, no whitespace, zero spare bits);
 * anything else gives `undefined`. Encoding is one-to-one onto canonical base64, so a text is
 * canonical exactly when re-encoding what it decodes to gives it back: Node's lenient decoder
 * skips or reinterprets anything else (whitespace, `-` and `_`, misplaced `=`, spare bits),
 * and the re-encoding then differs. Both steps run in linear time without a regular
 * expression, so a value of many megabytes cannot exhaust the regex engine's stack.
 */
export function decodeBase64Strict(text: string): Buffer | undefined {
  if (typeof text !== 'string' || text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return undefined;
  return bytes;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 strictly; invalid sequences give `undefined`. */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
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
