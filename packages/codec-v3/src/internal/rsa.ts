import { constants, type KeyObject, sign, verify } from 'node:crypto';

/** RSASSA-PKCS1-v1_5 with SHA-256 over `message`. */
export function rsaSign(privateKey: KeyObject, message: Uint8Array): Buffer {
  return sign('sha256', message, { key: privateKey, padding: constants.RSA_PKCS1_PADDING });
}

/** Whether `signature` is a valid RSASSA-PKCS1-v1_5 SHA-256 signature of `message`. */
export function rsaVerify(
  publicKey: KeyObject,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    return verify(
      'sha256',
      message,
      { key: publicKey, padding: constants.RSA_PKCS1_PADDING },
      signature,
    );
  } catch {
    return false;
  }
}
