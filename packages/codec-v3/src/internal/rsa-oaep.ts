import { constants, type KeyObject, privateDecrypt, publicEncrypt } from 'node:crypto';

/** RSA-OAEP with SHA-1 and MGF1-SHA-1, the padding of V3 sensitive fields. */
export function oaepEncrypt(
  publicKey: KeyObject,
  plaintext: Uint8Array,
  label?: Uint8Array,
): Buffer {
  return publicEncrypt(
    {
      key: publicKey,
      padding: constants.RSA_PKCS1_OAEP_PADDING,
      oaepHash: 'sha1',
      ...(label ? { oaepLabel: label } : {}),
    },
    plaintext,
  );
}

/** RSA-OAEP SHA-1 decryption; `undefined` when the ciphertext does not decrypt. */
export function oaepDecrypt(
  privateKey: KeyObject,
  ciphertext: Uint8Array,
  label?: Uint8Array,
): Buffer | undefined {
  try {
    return privateDecrypt(
      {
        key: privateKey,
        padding: constants.RSA_PKCS1_OAEP_PADDING,
        oaepHash: 'sha1',
        ...(label ? { oaepLabel: label } : {}),
      },
      ciphertext,
    );
  } catch {
    return undefined;
  }
}
