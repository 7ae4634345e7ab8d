import type { KeyObject } from 'node:crypto';
import { checkTimestamp, checkToken, currentTimestamp, freshNonce } from './internal/fields.ts';
import { rsaSign } from './internal/rsa.ts';
import { assertKeyObject } from './internal/rsa-key.ts';
import { requestMessageBytes } from './request-message.ts';

/** The authorization scheme of WeChat Pay V3 requests. */
export const AUTHORIZATION_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

/** What a request's `Authorization` header covers. */
export interface AuthorizationRequest {
  /** The HTTP method, upper case. */
  method: string;
  /** The URL, or its path and query, exactly as sent. */
  url: string;
  /** The exact body sent (string or bytes); absent for none. */
  body?: string | Uint8Array;
  /** Unix seconds; the clock by default. */
  timestamp?: string | number;
  /** The nonce; 32 random hex characters by default. */
  nonce?: string;
}

/** The merchant's signing identity. */
export interface MerchantCredentials {
  /** The merchant id (`mchid`). */
  mchid: string;
  /** The merchant API certificate's serial (upper-case hex). */
  serial: string;
  /** The merchant's RSA private key, from {@link loadPrivateKey}. */
  privateKey: KeyObject;
}

/**
 * Builds the `Authorization` header value of a V3 request:
 * `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",signature="…"`.
 *
 * @param params - the merchant credentials and the request to sign
 * @returns the header value
 * @throws TypeError naming a malformed parameter (an object body, a lower-case method, …)
 * @example
 * ```ts
 * const authorization = buildAuthorization({
 *   mchid: '1230000109', serial: merchantSerial, privateKey,
 *   method: 'POST', url: '/v3/pay/transactions/h5', body: JSON.stringify(order),
 * });
 * ```
 */
export function buildAuthorization(params: MerchantCredentials & AuthorizationRequest): string {
  const mchid = checkToken(params.mchid, 'mchid');
  const serial = checkToken(params.serial, 'serial');
  const privateKey = assertKeyObject(params.privateKey, 'private', 'privateKey');
  const timestamp = checkTimestamp(params.timestamp ?? currentTimestamp());
  const nonce = params.nonce ?? freshNonce();

  const message = requestMessageBytes(params.method, params.url, timestamp, nonce, params.body);
  const signature = rsaSign(privateKey, message).toString('base64');

  return (
    `${AUTHORIZATION_SCHEME} mchid="${mchid}",nonce_str="${nonce}",` +
    `timestamp="${timestamp}",serial_no="${serial}",signature="${signature}"`
  );
}
