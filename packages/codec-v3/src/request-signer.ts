import {
  type AuthorizationRequest,
  buildAuthorization,
  type MerchantCredentials,
} from './build-authorization.ts';
import type { HttpRequest } from './http.ts';
import { checkToken } from './internal/fields.ts';
import { assertKeyObject } from './internal/rsa-key.ts';

/** Options of {@link RequestSigner.sign}. */
export interface SignRequestOptions {
  /** Unix seconds; the clock by default. */
  timestamp?: string | number;
  /** The nonce; random by default. */
  nonce?: string;
  /** Serial of the platform key that encrypted fields of the body: sent as `Wechatpay-Serial`. */
  wechatpaySerial?: string;
  /** The `User-Agent` header; `qqwxpay-codec-v3` by default. */
  userAgent?: string;
}

/** Signs V3 requests for one merchant with a key loaded once. */
export interface RequestSigner {
  /** The merchant id. */
  readonly mchid: string;
  /** The merchant certificate serial. */
  readonly serial: string;
  /** The `Authorization` header value for one request. */
  authorization(request: AuthorizationRequest): string;
  /** A copy of `request` with `Authorization`, `Accept`, `Content-Type` and `User-Agent` set. */
  sign(request: HttpRequest, options?: SignRequestOptions): HttpRequest;
}

/**
 * Creates a signer for one merchant; the key object is checked once and reused for every call.
 *
 * @param credentials - `mchid`, the merchant certificate `serial` and the `privateKey`
 * @returns the signer
 * @throws TypeError naming a malformed credential
 * @example
 * ```ts
 * const signer = createRequestSigner({ mchid: '1230000109', serial, privateKey });
 * const signed = signer.sign(h5DirectOrder(order));
 * ```
 */
export function createRequestSigner(credentials: MerchantCredentials): RequestSigner {
  const mchid = checkToken(credentials.mchid, 'mchid');
  const serial = checkToken(credentials.serial, 'serial');
  const privateKey = assertKeyObject(credentials.privateKey, 'private', 'privateKey');

  const authorization = (request: AuthorizationRequest): string =>
    buildAuthorization({ mchid, serial, privateKey, ...request });

  const sign = (request: HttpRequest, options: SignRequestOptions = {}): HttpRequest => {
    const value = authorization({
      method: request.method,
      url: request.url,
      body: request.body,
      ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
      ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
    });
    const headers: Record<string, string> = {
      ...request.headers,
      Authorization: value,
      Accept: 'application/json',
      'User-Agent': options.userAgent ?? 'qqwxpay-codec-v3',
    };
    if (request.body !== '') headers['Content-Type'] = 'application/json';
    if (options.wechatpaySerial !== undefined) {
      headers['Wechatpay-Serial'] = checkToken(options.wechatpaySerial, 'wechatpaySerial');
    }
    return { method: request.method, url: request.url, headers, body: request.body };
  };

  return { mchid, serial, authorization, sign };
}
