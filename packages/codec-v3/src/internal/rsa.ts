import { type KeyObject, sign, verify } from 'node:crypto';

// Keys reach here only as `rsa` KeyObjects (PSS keys are refused when loaded), for which
// PKCS#1 v1.5 is OpenSSL's default padding. Passing the KeyObject itself rather than
// `{ key, padding }` keeps the call within what workerd's node:crypto accepts.

/** RSASSA-PKCS1-v1_5 with SHA-256 over `message`. */
export function rsaSign(privateKey: KeyObject, message: Uint8Array): Buffer {
  return sign('sha256', message, privateKey);
}

/** Whether `signature` is a valid RSASSA-PKCS1-v1_5 SHA-256 signature of `message`. */
export function rsaVerify(
  publicKey: KeyObject,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    return verify('sha256', message, publicKey, signature);
  } catch {
    return false;
  }
}
