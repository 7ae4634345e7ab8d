import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { SignType } from '../types.ts';

/** HMAC-SHA256 of `message` under `key`: the primitive behind `HMAC-SHA256` signatures. */
export function hmacSha256(key: Uint8Array | string, message: Uint8Array | string): Buffer {
  return createHmac('sha256', key).update(message).digest();
}

/** MD5 of the UTF-8 bytes of `text`, lower-case hex. */
export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/** The V2 signature of an already built string to sign: upper-case hex. */
export function signatureOf(text: string, key: string, signType: SignType): string {
  const digest =
    signType === 'MD5'
      ? createHash('md5').update(text, 'utf8').digest('hex')
      : createHmac('sha256', key).update(text, 'utf8').digest('hex');
  return digest.toUpperCase();
}

/** Compares two strings in time that depends only on their lengths. */
export function constantTimeEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}
