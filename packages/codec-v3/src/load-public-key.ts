import { createPublicKey, type KeyObject } from 'node:crypto';
import { V3Error } from './errors.ts';
import { describe, toBytes } from './internal/bytes.ts';
import { requireRsa } from './internal/rsa-key.ts';

/**
 * Loads a WeChat Pay public key (public-key mode, `PUB_KEY_ID_…`) once, from PEM (SPKI or
 * PKCS#1).
 *
 * @param pem - the public key, PEM text or bytes
 * @returns a reusable public KeyObject
 * @throws V3Error `ERR_V3_KEY_INVALID` when it is not a readable RSA public key of at least 2048
 *   bits, or is a private key (whose public half is never derived here, so secrets are not
 *   passed around by mistake)
 * @throws TypeError when `pem` is neither a string nor bytes
 * @example
 * ```ts
 * const key = loadPublicKey(readFileSync('pub_key.pem'));
 * ```
 */
export function loadPublicKey(pem: string | Uint8Array): KeyObject {
  if (typeof pem !== 'string' && !(pem instanceof Uint8Array)) {
    throw new TypeError(`pem: expected PEM text or bytes, got ${describe(pem)}`);
  }
  const bytes = toBytes(pem);
  const text = bytes.toString('latin1');
  if (/-----BEGIN (?:RSA |ENCRYPTED |EC |DSA |OPENSSH )?PRIVATE KEY-----/.test(text)) {
    throw new V3Error('ERR_V3_KEY_INVALID', 'a private key was given where a public key belongs');
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: bytes, format: 'pem' });
  } catch (cause) {
    throw new V3Error('ERR_V3_KEY_INVALID', 'public key PEM could not be read', {
      cause: new Error((cause as Error).message.slice(0, 120)),
    });
  }
  return requireRsa(key, 'public key');
}
