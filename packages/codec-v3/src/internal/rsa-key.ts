import type { KeyObject } from 'node:crypto';
import { V3Error } from '../errors.ts';

/** Refuses a key that is not RSA: WeChat Pay V3 signs and encrypts with RSA only. */
export function requireRsa<T extends KeyObject>(key: T, what: string): T {
  if (key.asymmetricKeyType !== 'rsa') {
    throw new V3Error('ERR_V3_KEY_INVALID', `${what} is not an RSA key`);
  }
  return key;
}

/** Throws a TypeError unless `key` is a KeyObject of the given type. */
export function assertKeyObject(key: unknown, type: 'private' | 'public', name: string): KeyObject {
  const ok =
    typeof key === 'object' &&
    key !== null &&
    'type' in key &&
    'asymmetricKeyType' in key &&
    (key as KeyObject).type === type;
  if (!ok) throw new TypeError(`${name}: expected a ${type} KeyObject`);
  if ((key as KeyObject).asymmetricKeyType !== 'rsa') {
    throw new TypeError(`${name}: expected an RSA key`);
  }
  return key as KeyObject;
}
