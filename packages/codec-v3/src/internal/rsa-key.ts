import type { KeyObject } from 'node:crypto';
import { V3Error } from '../errors.ts';

/** The smallest RSA modulus WECHATPAY2-SHA256-RSA2048 signs and verifies with, in bits. */
export const MIN_RSA_BITS = 2048;

/**
 * Refuses a key that is not RSA of at least {@link MIN_RSA_BITS} bits: WeChat Pay V3 signs and
 * encrypts with RSA-2048 or larger only.
 */
export function requireRsa<T extends KeyObject>(key: T, what: string): T {
  if (key.asymmetricKeyType !== 'rsa') {
    throw new V3Error('ERR_V3_KEY_INVALID', `${what} is not an RSA key`);
  }
  requireSize(key, what);
  return key;
}

/**
 * Throws a TypeError unless `key` is an RSA KeyObject of the given type (with a message of its
 * own when a private key is given where a public key belongs), and a V3Error when it is smaller
 * than {@link MIN_RSA_BITS} bits.
 */
export function assertKeyObject(key: unknown, type: 'private' | 'public', name: string): KeyObject {
  const ok =
    typeof key === 'object' &&
    key !== null &&
    'type' in key &&
    'asymmetricKeyType' in key &&
    (key as KeyObject).type === type;
  if (!ok) {
    if (type === 'public' && (key as KeyObject | null)?.type === 'private') {
      throw new TypeError(`${name}: a private key was given where a public key belongs`);
    }
    throw new TypeError(`${name}: expected a ${type} KeyObject`);
  }
  if ((key as KeyObject).asymmetricKeyType !== 'rsa') {
    throw new TypeError(`${name}: expected an RSA key`);
  }
  requireSize(key as KeyObject, name);
  return key as KeyObject;
}

function requireSize(key: KeyObject, what: string): void {
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    throw new V3Error(
      'ERR_V3_KEY_INVALID',
      `${what} is RSA-${bits}: WECHATPAY2-SHA256-RSA2048 needs at least ${MIN_RSA_BITS} bits`,
    );
  }
}
