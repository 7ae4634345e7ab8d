import { randomInt } from 'node:crypto';
import { RESOURCE_ALGORITHM, type Resource } from './decrypt-resource.ts';
import { aesGcmSeal } from './internal/aes-gcm.ts';
import { apiV3KeyBytes } from './internal/apiv3-key.ts';
import { describe } from './internal/bytes.ts';

/** Options of {@link encryptResource}. */
export interface EncryptResourceOptions {
  /** The 12-byte nonce as text; 12 random letters and digits by default. Never reuse one. */
  nonce?: string;
  /** The associated data, such as `transaction`; empty by default. */
  associatedData?: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Encrypts a plaintext into an `AEAD_AES_256_GCM` resource, as WeChat Pay does (for the sandbox
 * and tests).
 *
 * @param plaintext - the text to encrypt, usually JSON
 * @param apiV3Key - the 32-byte APIv3 key
 * @param options - `nonce` and `associatedData`
 * @returns the resource (`algorithm`, `ciphertext`, `nonce`, `associated_data`)
 * @throws RangeError when the APIv3 key is not 32 bytes or the nonce is not 12 bytes
 * @example
 * ```ts
 * const resource = encryptResource(JSON.stringify(transaction), apiV3Key, { associatedData: 'transaction' });
 * ```
 */
export function encryptResource(
  plaintext: string,
  apiV3Key: string | Uint8Array,
  options: EncryptResourceOptions = {},
): Resource & { associated_data: string } {
  const key = apiV3KeyBytes(apiV3Key);
  if (typeof plaintext !== 'string') {
    throw new TypeError(`plaintext: expected a string, got ${describe(plaintext)}`);
  }
  const nonce = options.nonce ?? randomNonce();
  if (typeof nonce !== 'string' || Buffer.byteLength(nonce, 'utf8') !== 12) {
    throw new RangeError('nonce: expected 12 bytes of text');
  }
  const associatedData = options.associatedData ?? '';
  if (typeof associatedData !== 'string') {
    throw new TypeError(`associatedData: expected a string, got ${describe(associatedData)}`);
  }

  const sealed = aesGcmSeal(
    key,
    Buffer.from(nonce, 'utf8'),
    Buffer.from(plaintext, 'utf8'),
    Buffer.from(associatedData, 'utf8'),
  );
  return {
    algorithm: RESOURCE_ALGORITHM,
    ciphertext: sealed.toString('base64'),
    nonce,
    associated_data: associatedData,
  };
}

function randomNonce(): string {
  let nonce = '';
  for (let i = 0; i < 12; i++) nonce += ALPHABET[randomInt(ALPHABET.length)];
  return nonce;
}
