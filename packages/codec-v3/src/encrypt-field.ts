import type { KeyObject } from 'node:crypto';
import { describe } from './internal/bytes.ts';
import { assertKeyObject } from './internal/rsa-key.ts';
import { oaepEncrypt } from './internal/rsa-oaep.ts';
import type { LoadedCertificate } from './load-certificate.ts';
import { loadPublicKey } from './load-public-key.ts';

/**
 * Encrypts a sensitive field (a name, a phone number, …) with RSA-OAEP (SHA-1, MGF1-SHA-1)
 * under WeChat Pay's platform certificate or public key; send `Wechatpay-Serial` naming it.
 *
 * @param plaintext - the field value
 * @param publicKeyOrCertificate - a public KeyObject, a certificate from {@link loadCertificate},
 *   or public key / certificate PEM
 * @returns base64 of the ciphertext
 * @throws TypeError when the key is not an RSA public key or the plaintext not a string
 * @throws RangeError when the plaintext's UTF-8 is longer than OAEP allows (key bytes − 42)
 * @throws V3Error `ERR_V3_KEY_INVALID` when PEM cannot be read
 * @example
 * ```ts
 * const name = encryptField('张三', platformCertificate);
 * ```
 */
export function encryptField(
  plaintext: string,
  publicKeyOrCertificate: KeyObject | LoadedCertificate | string | Uint8Array,
): string {
  if (typeof plaintext !== 'string') {
    throw new TypeError(`plaintext: expected a string, got ${describe(plaintext)}`);
  }
  const key = publicKeyOf(publicKeyOrCertificate);
  const bytes = Buffer.from(plaintext, 'utf8');
  const limit = Math.floor((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8) - OAEP_SHA1_OVERHEAD;
  if (bytes.length > limit) {
    throw new RangeError(
      `plaintext: at most ${limit} UTF-8 bytes fit RSA-OAEP under this key, got ${bytes.length}`,
    );
  }
  return oaepEncrypt(key, bytes).toString('base64');
}

/** OAEP with SHA-1 takes 2 × 20 + 2 bytes of each RSA block. */
const OAEP_SHA1_OVERHEAD = 42;

function publicKeyOf(input: KeyObject | LoadedCertificate | string | Uint8Array): KeyObject {
  if (typeof input === 'string' || input instanceof Uint8Array) return loadPublicKey(input);
  if (typeof input === 'object' && input !== null && 'serial' in input && 'publicKey' in input) {
    return assertKeyObject(input.publicKey, 'public', 'publicKeyOrCertificate.publicKey');
  }
  return assertKeyObject(input, 'public', 'publicKeyOrCertificate');
}
