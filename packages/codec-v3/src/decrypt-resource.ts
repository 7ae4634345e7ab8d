import { V3Error } from './errors.ts';
import { aesGcmOpen } from './internal/aes-gcm.ts';
import { apiV3KeyBytes } from './internal/apiv3-key.ts';
import { decodeBase64Strict, decodeUtf8Strict, describe } from './internal/bytes.ts';

/** The algorithm of every V3 encrypted resource. */
export const RESOURCE_ALGORITHM = 'AEAD_AES_256_GCM';

/** An encrypted resource, as in callbacks and `/v3/certificates`. */
export interface Resource {
  /** Always `AEAD_AES_256_GCM`. */
  algorithm: string;
  /** Base64 of the ciphertext followed by the 16-byte tag. */
  ciphertext: string;
  /** The 12-byte nonce, as text. */
  nonce: string;
  /** The associated data; absent means empty. */
  associated_data?: string | undefined;
  /** The plaintext's type, such as `transaction` (callbacks only). */
  original_type?: string | undefined;
}

const NONCE_BYTES = 12;

/**
 * Decrypts an `AEAD_AES_256_GCM` resource with the APIv3 key, always checking the tag.
 *
 * @param resource - `algorithm`, `ciphertext`, `nonce` and optional `associated_data`
 * @param apiV3Key - the 32-byte APIv3 key, exactly as set in the merchant platform
 * @returns the plaintext, verbatim
 * @throws RangeError when the APIv3 key is not exactly 32 bytes (never trimmed)
 * @throws V3Error `ERR_V3_ALGORITHM_UNSUPPORTED`, `ERR_V3_RESOURCE_MALFORMED`,
 *   `ERR_V3_DECRYPT_FAILED` (one vague message for every authentication failure)
 * @example
 * ```ts
 * const transaction = JSON.parse(decryptResource(envelope.resource, apiV3Key));
 * ```
 */
export function decryptResource(resource: Resource, apiV3Key: string | Uint8Array): string {
  const key = apiV3KeyBytes(apiV3Key);
  if (typeof resource !== 'object' || resource === null) {
    throw new TypeError(`resource: expected an object, got ${describe(resource)}`);
  }
  if (resource.algorithm !== RESOURCE_ALGORITHM) {
    throw new V3Error(
      'ERR_V3_ALGORITHM_UNSUPPORTED',
      `resource algorithm is not ${RESOURCE_ALGORITHM}`,
      {
        field: 'algorithm',
      },
    );
  }

  const nonce =
    typeof resource.nonce === 'string' ? Buffer.from(resource.nonce, 'utf8') : undefined;
  if (!nonce || nonce.length !== NONCE_BYTES) {
    throw malformed('nonce', `resource nonce must be ${NONCE_BYTES} bytes`);
  }
  const aadText = resource.associated_data ?? '';
  if (typeof aadText !== 'string')
    throw malformed('associated_data', 'associated_data must be text');
  const sealed =
    typeof resource.ciphertext === 'string' ? decodeBase64Strict(resource.ciphertext) : undefined;
  if (!sealed || sealed.length < 16) {
    throw malformed('ciphertext', 'resource ciphertext must be base64 of at least 16 bytes');
  }

  const plaintext = aesGcmOpen(key, nonce, sealed, Buffer.from(aadText, 'utf8'));
  if (!plaintext) {
    throw new V3Error('ERR_V3_DECRYPT_FAILED', 'resource could not be decrypted');
  }
  const text = decodeUtf8Strict(plaintext);
  if (text === undefined) throw malformed('ciphertext', 'decrypted resource is not UTF-8');
  return text;
}

function malformed(field: string, message: string): V3Error {
  return new V3Error('ERR_V3_RESOURCE_MALFORMED', message, { field });
}
