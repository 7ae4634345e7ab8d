import {
  decryptResource,
  type VerifiedHeaders,
  type VerifierStore,
  verifySignature,
} from '@qqwxpay/codec-v3';
import { z } from 'zod';
import { NotifyError } from './errors.ts';
import { type HeadersLike, normalizeHeaders } from './headers.ts';
import { parseJson, rawBodyText } from './internal/raw-body.ts';

/** A V3 callback as received: the raw body and the request headers. */
export interface RawNotification {
  /** The raw body, exactly as received: a string or bytes, never a parsed object. */
  body: string | Uint8Array;
  /** The request headers, names in any case. */
  headers: HeadersLike;
}

/** How to check a V3 callback. */
export interface V3VerifyOptions {
  /** The 32-byte APIv3 key that decrypts the resource. */
  apiV3Key: string | Uint8Array;
  /** WeChat Pay's platform certificates and public keys, by serial. */
  verifiers: VerifierStore;
  /** The current time (a Date or Unix seconds); the clock by default. */
  now?: Date | number;
  /** How far `Wechatpay-Timestamp` may be from `now`, either way; 300 s by default. */
  windowSeconds?: number;
  /** The body limit in bytes; 64 KiB by default. */
  maxBytes?: number;
}

/** A V3 callback whose signature verified and whose resource decrypted, not yet typed. */
export interface OpenedV3Notification {
  /** The envelope `id`: the same for every retry of one event. */
  id: string;
  /** The envelope `event_type`, such as `TRANSACTION.SUCCESS`. */
  eventType: string;
  /** The envelope `create_time`, when sent. */
  createTime: string | undefined;
  /** The envelope `resource_type`, such as `encrypt-resource`, when sent. */
  resourceType: string | undefined;
  /** The envelope `summary`, when sent. */
  summary: string | undefined;
  /** The verified signature headers. */
  signature: VerifiedHeaders;
  /** The decrypted resource, parsed from JSON. */
  resource: unknown;
  /** The decrypted resource exactly as it came out of AES-GCM (JSON text). */
  plaintext: string;
}

const envelopeSchema = z.object({
  id: z.string().min(1).max(64),
  create_time: z.string().optional(),
  event_type: z.string().min(1).max(64),
  resource_type: z.string().optional(),
  summary: z.string().optional(),
  resource: z.object({
    algorithm: z.string(),
    ciphertext: z.string(),
    nonce: z.string(),
    associated_data: z.string().optional(),
    original_type: z.string().optional(),
  }),
});

/**
 * Verifies a V3 callback's signature headers over the raw body, then parses the envelope and
 * decrypts its resource. Nothing is parsed or decrypted before the signature holds.
 *
 * @param request - the raw body and the headers
 * @param options - the APIv3 key, the verifiers, the time window and the body limit
 * @returns the envelope fields and the decrypted resource as parsed JSON
 * @throws TypeError/RangeError for a body that is not raw, or a malformed option
 * @throws NotifyError `ERR_NOTIFY_BODY_TOO_LARGE`, `ERR_NOTIFY_HEADERS_INVALID`,
 *   `ERR_NOTIFY_ENVELOPE_INVALID`, `ERR_NOTIFY_RESOURCE_INVALID`
 * @throws V3Error every signature and decryption code of codec-v3, such as
 *   `ERR_V3_SIGNATURE_MISMATCH`, `ERR_V3_SIGNATURE_PROBE`, `ERR_V3_TIMESTAMP_OUT_OF_WINDOW`,
 *   `ERR_V3_SERIAL_UNKNOWN`, `ERR_V3_DECRYPT_FAILED`
 * @example
 * ```ts
 * const opened = openV3Notification({ body, headers }, { apiV3Key, verifiers });
 * const { eventType, plaintext } = opened; // plaintext: the resource exactly as decrypted
 * ```
 */
export function openV3Notification(
  request: RawNotification,
  options: V3VerifyOptions,
): OpenedV3Notification {
  checkApiV3Key(options.apiV3Key);
  const body = rawBodyText(request.body, options.maxBytes);
  const headers = normalizeHeaders(request.headers);

  const signature = verifySignature(
    { headers, body },
    {
      verifiers: options.verifiers,
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.windowSeconds === undefined ? {} : { windowSeconds: options.windowSeconds }),
    },
  );

  const parsed = envelopeSchema.safeParse(parseJson(body));
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new NotifyError('ERR_NOTIFY_ENVELOPE_INVALID', 'callback envelope is not valid', {
      field: path === '' ? 'body' : path,
      cause: parsed.error,
    });
  }
  const envelope = parsed.data;

  const plaintext = decryptResource(envelope.resource, options.apiV3Key);
  const resource = parseJson(plaintext);
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
    throw new NotifyError(
      'ERR_NOTIFY_RESOURCE_INVALID',
      'decrypted resource is not a JSON object',
      {
        field: 'resource',
        eventType: envelope.event_type,
      },
    );
  }

  return {
    id: envelope.id,
    eventType: envelope.event_type,
    createTime: envelope.create_time,
    resourceType: envelope.resource_type,
    summary: envelope.summary,
    signature,
    resource,
    plaintext,
  };
}

function checkApiV3Key(key: string | Uint8Array): void {
  const length =
    typeof key === 'string'
      ? Buffer.byteLength(key, 'utf8')
      : key instanceof Uint8Array
        ? key.byteLength
        : -1;
  if (length !== 32) {
    throw new RangeError(`apiV3Key: expected 32 bytes, got ${length < 0 ? typeof key : length}`);
  }
}
