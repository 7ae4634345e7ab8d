import { createCipheriv, createDecipheriv } from 'node:crypto';

/** Length of the GCM tag WeChat Pay appends to every ciphertext. */
export const TAG_BYTES = 16;

/**
 * AES-256-GCM decryption of `sealed` = ciphertext ‖ 16-byte tag; the tag is always checked.
 * Returns `undefined` when it does not authenticate.
 */
export function aesGcmOpen(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  aad: Uint8Array,
): Buffer | undefined {
  if (sealed.length < TAG_BYTES) return undefined;
  const split = sealed.length - TAG_BYTES;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(split));
    const head = decipher.update(sealed.subarray(0, split));
    const tail = decipher.final();
    return tail.length === 0 ? head : Buffer.concat([head, tail]);
  } catch {
    return undefined;
  }
}

/** AES-256-GCM encryption; returns ciphertext ‖ 16-byte tag. */
export function aesGcmSeal(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  aad: Uint8Array,
): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}
