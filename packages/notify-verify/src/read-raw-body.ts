import { NotifyError } from './errors.ts';

/** The default body limit: WeChat Pay's callbacks are a few kilobytes; 64 KiB leaves room. */
export const DEFAULT_MAX_BYTES = 65_536;

/** Options for {@link readRawBody} and {@link readFetchBody}. */
export interface ReadBodyOptions {
  /** Refuse bodies longer than this many bytes. Default {@link DEFAULT_MAX_BYTES}. */
  maxBytes?: number;
  /** The request's `Content-Length`, when known: a larger declared length is refused unread. */
  contentLength?: string | number | undefined;
}

/**
 * Reads a request body stream (a Node `IncomingMessage` or any async iterable of chunks) into
 * bytes, exactly as received, refusing it as soon as it exceeds the limit.
 *
 * @param stream - the body chunks; strings are taken as UTF-8
 * @param options - the byte limit and the declared length
 * @returns the raw body bytes
 * @throws RangeError when `maxBytes` is not a positive safe integer
 * @throws NotifyError `ERR_NOTIFY_BODY_TOO_LARGE` when the body (or its declared length) is over
 *   the limit
 * @example
 * ```ts
 * const body = await readRawBody(req, { maxBytes: 16_384, contentLength: req.headers['content-length'] });
 * ```
 */
export async function readRawBody(
  stream: AsyncIterable<Uint8Array | string>,
  options: ReadBodyOptions = {},
): Promise<Uint8Array> {
  const maxBytes = checkMaxBytes(options.maxBytes);
  refuseDeclaredLength(options.contentLength, maxBytes);

  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += bytes.byteLength;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads a fetch `Request`'s body into bytes, exactly as received, refusing it as soon as it
 * exceeds the limit.
 *
 * @param request - a WHATWG `Request` (Next.js route handlers, Hono, Bun, Deno)
 * @param options - the byte limit
 * @returns the raw body bytes (empty when there is no body)
 * @throws RangeError when `maxBytes` is not a positive safe integer
 * @throws NotifyError `ERR_NOTIFY_BODY_TOO_LARGE` when the body is over the limit
 * @throws NotifyError `ERR_NOTIFY_BODY_UNAVAILABLE` when the body was already read
 * @example
 * ```ts
 * const body = await readFetchBody(request, { maxBytes: 16_384 });
 * ```
 */
export async function readFetchBody(
  request: Pick<Request, 'body' | 'bodyUsed' | 'headers'>,
  options: ReadBodyOptions = {},
): Promise<Uint8Array> {
  const maxBytes = checkMaxBytes(options.maxBytes);
  if (request.bodyUsed) {
    throw new NotifyError('ERR_NOTIFY_BODY_UNAVAILABLE', 'the request body was already read');
  }
  refuseDeclaredLength(options.contentLength ?? request.headers.get('content-length'), maxBytes);
  if (request.body === null) return new Uint8Array();

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Checks a `maxBytes` option and applies the default.
 *
 * @param maxBytes - the caller's limit, or undefined for {@link DEFAULT_MAX_BYTES}
 * @returns the limit to apply
 * @throws RangeError when it is not a positive safe integer
 * @example
 * ```ts
 * checkMaxBytes(undefined); // 65536
 * ```
 */
export function checkMaxBytes(maxBytes: number | undefined): number {
  if (maxBytes === undefined) return DEFAULT_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new RangeError(`maxBytes: expected a positive integer, got ${String(maxBytes)}`);
  }
  return maxBytes;
}

function refuseDeclaredLength(declared: string | number | null | undefined, maxBytes: number) {
  if (declared === undefined || declared === null) return;
  const length = typeof declared === 'number' ? declared : Number.parseInt(declared, 10);
  if (Number.isSafeInteger(length) && length > maxBytes) throw tooLarge(maxBytes);
}

function tooLarge(maxBytes: number): NotifyError {
  return new NotifyError('ERR_NOTIFY_BODY_TOO_LARGE', `body is over ${maxBytes} bytes`, {
    limit: maxBytes,
  });
}
