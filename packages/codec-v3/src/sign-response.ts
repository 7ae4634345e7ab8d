import type { KeyObject } from 'node:crypto';
import { AUTHORIZATION_SCHEME } from './build-authorization.ts';
import { describe, toBytes } from './internal/bytes.ts';
import { checkTimestamp, checkToken, currentTimestamp, freshNonce } from './internal/fields.ts';
import { rsaSign } from './internal/rsa.ts';
import { assertKeyObject } from './internal/rsa-key.ts';

/** What {@link signResponse} signs. */
export interface SignResponseParams {
  /** The exact body to send. */
  body: string | Uint8Array;
  /** The platform private key (the sandbox's or a test's). */
  privateKey: KeyObject;
  /** The serial to send in `Wechatpay-Serial`. */
  serial: string;
  /** Unix seconds; the clock by default. */
  timestamp?: string | number;
  /** The nonce; random by default. */
  nonce?: string;
}

/** The signature headers WeChat Pay puts on responses and callbacks. */
export interface WechatpaySignatureHeaders {
  /** Unix seconds. */
  'Wechatpay-Timestamp': string;
  /** The nonce. */
  'Wechatpay-Nonce': string;
  /** Base64 RSASSA-PKCS1-v1_5 SHA-256 signature of `TIMESTAMP\nNONCE\nBODY\n`. */
  'Wechatpay-Signature': string;
  /** The serial of the signing key. */
  'Wechatpay-Serial': string;
  /** Always `WECHATPAY2-SHA256-RSA2048`. */
  'Wechatpay-Signature-Type': string;
  [name: string]: string;
}

/**
 * Signs a response or callback body the way WeChat Pay does, for the sandbox and tests.
 *
 * @param params - the body, the platform private key, its serial, and optional timestamp/nonce
 * @returns the `Wechatpay-Timestamp`, `-Nonce`, `-Signature`, `-Serial` and `-Signature-Type`
 *   headers
 * @throws TypeError naming a malformed parameter
 * @example
 * ```ts
 * const headers = signResponse({ body, privateKey: platformKey, serial: platformSerial });
 * ```
 */
export function signResponse(params: SignResponseParams): WechatpaySignatureHeaders {
  const { body } = params;
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) {
    throw new TypeError(`body: expected the exact string or bytes sent, got ${describe(body)}`);
  }
  const privateKey = assertKeyObject(params.privateKey, 'private', 'privateKey');
  const serial = checkToken(params.serial, 'serial');
  const timestamp = checkTimestamp(params.timestamp ?? currentTimestamp());
  const nonce = checkToken(params.nonce ?? freshNonce(), 'nonce');

  const message = Buffer.concat([
    Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'),
    toBytes(body),
    Buffer.from('\n'),
  ]);
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': rsaSign(privateKey, message).toString('base64'),
    'Wechatpay-Serial': serial,
    'Wechatpay-Signature-Type': AUTHORIZATION_SCHEME,
  };
}
