import type { KeyObject } from 'node:crypto';
import {
  buildAuthorization,
  h5CombineOrderSchema,
  h5DirectOrderSchema,
  h5PartnerOrderSchema,
  type RequestSigner,
} from '@qqwxpay/codec-v3';
import type { z } from 'zod';
import { buildProxyUrl } from './build-proxy-url.ts';
import type { HttpRequest } from './http.ts';
import { checkAppIds } from './internal/check-app-ids.ts';
import { relocateNotifyUrl } from './internal/notify-relocation.ts';
import { isPlainObject, ORDER_FIELDS } from './internal/order-fields.ts';
import { notifyUrlV3 } from './notify-url.ts';
import { preflight } from './preflight.ts';
import { type ProxyApi, wechatPathFor } from './proxy-api.ts';

/** The three V3 endpoints of QQ's proxy. */
export type ProxyApiV3 = Exclude<ProxyApi, 'v2-unifiedorder'>;

/** A merchant key without a fixed merchant id: the id is read from the order body. */
export interface MerchantKey {
  /** The merchant API certificate's serial (upper-case hex). */
  serial: string;
  /** The merchant's RSA private key, from codec-v3's `loadPrivateKey`. */
  privateKey: KeyObject;
}

/** Options of {@link prepareV3Order}. */
export interface PrepareV3OrderOptions {
  /** The QQ mini program's appid (digits), for the proxy URL. */
  qqAppId: string;
  /** QQ's access token, for the proxy URL. */
  accessToken: string;
  /** A codec-v3 `RequestSigner` (its `mchid` must match the body's), or a key alone. */
  signer: RequestSigner | MerchantKey;
  /** Where QQ forwards the callback; the body's own `notify_url` when absent there. */
  realNotifyUrl?: string;
  /** Unix seconds for the signature; the clock by default. */
  timestamp?: string | number;
  /** The signature nonce; random by default. */
  nonce?: string;
  /** The `User-Agent` header; `qqwxpay-proxy-url` by default. */
  userAgent?: string;
}

const SCHEMAS: Readonly<Record<ProxyApiV3, z.ZodType>> = {
  'v3-h5': h5DirectOrderSchema,
  'v3-partner-h5': h5PartnerOrderSchema,
  'v3-combine-h5': h5CombineOrderSchema,
};

/**
 * Prepares a V3 H5 order for QQ's proxy: the body validated with codec-v3's schema for the
 * mode, `notify_url` set to QQ's V3 notify URL for the mode's ids (the caller's own moves to
 * `real_notify_url`), serialised once, and `Authorization` signed over **WeChat Pay's own
 * path** (such as `/v3/pay/transactions/h5`, no host, no query), because QQ forwards the
 * request there and WeChat Pay checks the signature against its own path. The header's mchid
 * is the body's merchant field: `mchid`, `sp_mchid` or `combine_mchid`.
 *
 * @param api - `v3-h5`, `v3-partner-h5` or `v3-combine-h5`
 * @param body - the order body, by WeChat's field names
 * @param options - QQ's appid and token, the signer, the callback address
 * @returns the request to send: `POST` to QQ's proxy URL with the exact signed body
 * @throws TypeError naming the first field that breaks the schema, or a malformed option
 * @throws RangeError for a V2 `api`, or when the body's `notify_url` and `realNotifyUrl` differ
 * @throws QqProxyError `ERR_QQ_PREFLIGHT_APPID`, `ERR_QQ_PREFLIGHT_MCHID` (a signer for another
 *   merchant) or `ERR_QQ_INVALID_NOTIFY_URL`
 * @example
 * ```ts
 * const request = prepareV3Order('v3-h5', order, {
 *   qqAppId: '1112223334', accessToken, signer: { serial, privateKey },
 *   realNotifyUrl: 'https://shop.example.com/pay/v3/notify',
 * });
 * ```
 */
export function prepareV3Order(
  api: ProxyApiV3,
  body: Record<string, unknown>,
  options: PrepareV3OrderOptions,
): HttpRequest {
  const schema = SCHEMAS[api];
  if (schema === undefined) throw new RangeError(`api must be a V3 endpoint, got ${String(api)}`);
  if (!isPlainObject(body)) throw new TypeError('body must be an object of V3 fields');
  const fields = ORDER_FIELDS[api];
  checkAppIds(body, fields.appids, options.qqAppId);

  const merchant = body[fields.merchant];
  const orderNo = body[fields.orderNo];
  checkId(merchant, fields.merchant, /^\d{1,32}$/, '1 to 32 digits');
  checkId(orderNo, fields.orderNo, /^[0-9A-Za-z_\-|*]{1,32}$/, '1 to 32 of letters, digits, _-|*');
  const qqNotifyUrl = notifyUrlV3(merchant, orderNo);
  const realNotifyUrl = relocateNotifyUrl(body.notify_url, options.realNotifyUrl, qqNotifyUrl);
  const order = { ...body, notify_url: qqNotifyUrl };
  validate(schema, order);

  const url = buildProxyUrl({
    api,
    qqAppId: options.qqAppId,
    accessToken: options.accessToken,
    realNotifyUrl,
  });
  const text = JSON.stringify(order);
  const toSign = {
    method: 'POST',
    url: wechatPathFor(api),
    body: text,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
    ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
  };
  const signer = options.signer;
  const authorization = isRequestSigner(signer)
    ? signer.authorization(toSign)
    : buildAuthorization({
        ...toSign,
        mchid: merchant,
        serial: signer.serial,
        privateKey: signer.privateKey,
      });

  const request: HttpRequest = {
    method: 'POST',
    url,
    headers: {
      Authorization: authorization,
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'User-Agent': options.userAgent ?? 'qqwxpay-proxy-url',
    },
    body: text,
  };
  preflight(request, isRequestSigner(signer) ? { signerMchid: signer.mchid } : {});
  return request;
}

function isRequestSigner(signer: RequestSigner | MerchantKey): signer is RequestSigner {
  return typeof (signer as RequestSigner).authorization === 'function';
}

function checkId(
  value: unknown,
  field: string,
  rule: RegExp,
  text: string,
): asserts value is string {
  if (typeof value !== 'string' || !rule.test(value)) {
    throw new TypeError(`body.${field}: must be ${text}`);
  }
}

function validate(schema: z.ZodType, order: unknown): void {
  const result = schema.safeParse(order);
  if (result.success) return;
  const issue = result.error.issues[0];
  const path = issue?.path.length ? `body.${issue.path.join('.')}` : 'body';
  throw new TypeError(`${path}: ${issue?.message ?? 'invalid'}`);
}
