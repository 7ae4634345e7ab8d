import { NotifyError } from '../errors.ts';
import { checkMaxBytes } from '../read-raw-body.ts';

/**
 * Checks that a callback body is raw (a string or bytes, never a parsed object) and within the
 * limit, and returns it as bytes.
 *
 * @param body - the body as received
 * @param maxBytes - the caller's limit, or undefined for the default
 * @returns the body bytes
 * @throws TypeError when the body is not a string or bytes
 * @throws NotifyError `ERR_NOTIFY_BODY_TOO_LARGE`
 * @example
 * ```ts
 * const bytes = rawBodyBytes(request.body, options.maxBytes);
 * ```
 */
export function rawBodyBytes(body: unknown, maxBytes: number | undefined): Uint8Array {
  const limit = checkMaxBytes(maxBytes);
  let bytes: Uint8Array;
  if (typeof body === 'string') bytes = Buffer.from(body, 'utf8');
  else if (body instanceof Uint8Array) bytes = body;
  else {
    const got = body === null ? 'null' : typeof body;
    throw new TypeError(
      `body: expected the raw body as a string or bytes, got ${got} (a parsed body cannot be verified)`,
    );
  }
  if (bytes.byteLength > limit) {
    throw new NotifyError('ERR_NOTIFY_BODY_TOO_LARGE', `body is over ${limit} bytes`, {
      limit,
    });
  }
  return bytes;
}

/**
 * Checks a V3 callback body like {@link rawBodyBytes}, but keeps a well-formed string as it
 * is: its UTF-8 bytes decode back to the same string, so verifying and parsing the string
 * reads exactly the bytes that were signed, without encoding it and decoding it back. A string
 * with a lone surrogate becomes bytes, as before, so what is parsed is what was verified.
 *
 * @param body - the body as received
 * @param maxBytes - the caller's limit, or undefined for the default
 * @returns the well-formed string, or the body bytes
 * @throws TypeError when the body is not a string or bytes
 * @throws NotifyError `ERR_NOTIFY_BODY_TOO_LARGE`
 * @example
 * ```ts
 * const body = rawBodyText(request.body, options.maxBytes);
 * ```
 */
export function rawBodyText(body: unknown, maxBytes: number | undefined): string | Uint8Array {
  if (typeof body !== 'string' || !isWellFormed(body)) return rawBodyBytes(body, maxBytes);
  const limit = checkMaxBytes(maxBytes);
  if (Buffer.byteLength(body, 'utf8') > limit) {
    throw new NotifyError('ERR_NOTIFY_BODY_TOO_LARGE', `body is over ${limit} bytes`, {
      limit,
    });
  }
  return body;
}

/** `String.prototype.isWellFormed` (Node 20), which the ES2023 library types do not declare. */
function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Parses bytes as strict UTF-8 JSON.
 *
 * @param bytes - the text
 * @returns the value, or undefined when the bytes are not UTF-8 JSON
 * @example
 * ```ts
 * parseJson(Buffer.from('{"a":1}')); // { a: 1 }
 * ```
 */
export function parseJson(bytes: Uint8Array | string): unknown {
  try {
    const text = typeof bytes === 'string' ? bytes : utf8.decode(bytes);
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
