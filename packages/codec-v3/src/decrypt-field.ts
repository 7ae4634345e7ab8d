import type { KeyObject } from 'node:crypto';
import { V3Error } from './errors.ts';
import { decodeBase64Strict, decodeUtf8Strict, describe } from './internal/bytes.ts';
import { assertKeyObject } from './internal/rsa-key.ts';
import { oaepDecrypt } from './internal/rsa-oaep.ts';

/**
 * Decrypts a sensitive field encrypted with RSA-OAEP (SHA-1, MGF1-SHA-1) under the merchant key.
 *
 * @param ciphertext - base64 of the ciphertext
 * @param privateKey - the merchant's RSA private key
 * @returns the field value
 * @throws V3Error `ERR_V3_RESOURCE_MALFORMED` when the ciphertext is not strict base64,
 *   `ERR_V3_DECRYPT_FAILED` (one vague message) when it does not decrypt
 * @throws TypeError when the key is not an RSA private key
 * @example
 * ```ts
 * const phone = decryptField(fields.encrypted_phone, merchantKey);
 * ```
 */
export function decryptField(ciphertext: string, privateKey: KeyObject): string {
  if (typeof ciphertext !== 'string') {
    throw new TypeError(`ciphertext: expected base64 text, got ${describe(ciphertext)}`);
  }
  const key = assertKeyObject(privateKey, 'private', 'privateKey');
  const bytes = decodeBase64Strict(ciphertext);
  if (!bytes || bytes.length === 0) {
    throw new V3Error('ERR_V3_RESOURCE_MALFORMED', 'field ciphertext is not strict base64', {
      field: 'ciphertext',
    });
  }

  const plaintext = oaepDecrypt(key, bytes);
  const text = plaintext ? decodeUtf8Strict(plaintext) : undefined;
  if (text === undefined)
    throw new V3Error('ERR_V3_DECRYPT_FAILED', 'field could not be decrypted');
  return text;
}
