import { buildUnifiedOrder, type SignType, type UnifiedOrderParams } from '@qqwxpay/codec-v2';
import { buildProxyUrl } from './build-proxy-url.ts';
import type { HttpRequest } from './http.ts';
import { checkAppIds } from './internal/check-app-ids.ts';
import { relocateNotifyUrl } from './internal/notify-relocation.ts';
import { isPlainObject, ORDER_FIELDS } from './internal/order-fields.ts';
import { QQ_NOTIFY_URL_V2 } from './notify-url.ts';
import { preflight } from './preflight.ts';

/** A V2 unified order for QQ's proxy: `notify_url` and `trade_type` may be left out. */
export type ProxiedUnifiedOrderParams = Omit<UnifiedOrderParams, 'notify_url' | 'trade_type'> & {
  notify_url?: string;
  trade_type?: 'MWEB';
};

/** Options of {@link prepareV2Order}. */
export interface PrepareV2OrderOptions {
  /** The QQ mini program's appid (digits), for the proxy URL. */
  qqAppId: string;
  /** QQ's access token, for the proxy URL. */
  accessToken: string;
  /** The merchant's V2 API key. */
  key: string;
  /** `MD5` (default) or `HMAC-SHA256`. */
  signType?: SignType;
  /** Where QQ forwards the callback; the body's own `notify_url` when absent there. */
  realNotifyUrl?: string;
  /** A fixed `nonce_str`, for tests; random by default. */
  nonceStr?: string;
}

/**
 * Prepares a V2 unified order for QQ's proxy: validated with codec-v2's unified order schema,
 * `trade_type=MWEB`, `notify_url` set to QQ's (the caller's own moves to `real_notify_url`),
 * `nonce_str` added when absent, signed, encoded as XML, sent as `text/xml; charset=utf-8`.
 *
 * @param params - the unified order, by WeChat's field names
 * @param options - QQ's appid and token, the API key and algorithm, the callback address
 * @returns the request to send: `POST` to QQ's proxy URL with the signed XML
 * @throws TypeError naming the first field that breaks the schema, or a malformed option
 * @throws RangeError when the body's `notify_url` and `realNotifyUrl` differ
 * @throws QqProxyError `ERR_QQ_PREFLIGHT_APPID` when `appid` holds a QQ appid,
 *   `ERR_QQ_INVALID_NOTIFY_URL` when the callback address breaks the notify URL rule
 * @example
 * ```ts
 * const request = prepareV2Order(
 *   { appid: 'wx2421b1c4370ec43b', mch_id: '10000100', body: 'VIP', out_trade_no: 'T20261204001',
 *     total_fee: 88, spbill_create_ip: '203.0.113.7', notify_url: 'https://shop.example.com/notify',
 *     scene_info: { h5_info: { type: 'Wap', wap_url: 'https://m.example.com', wap_name: 'shop' } } },
 *   { qqAppId: '1112223334', accessToken, key },
 * );
 * const res = await fetch(request.url, request);
 * ```
 */
export function prepareV2Order(
  params: ProxiedUnifiedOrderParams,
  options: PrepareV2OrderOptions,
): HttpRequest {
  if (!isPlainObject(params)) throw new TypeError('params must be an object of V2 fields');
  if (params.trade_type !== undefined && params.trade_type !== 'MWEB') {
    throw new TypeError("params.trade_type: QQ's proxy takes H5 orders only (MWEB)");
  }
  checkAppIds(params, ORDER_FIELDS['v2-unifiedorder'].appids, options.qqAppId);
  const realNotifyUrl = relocateNotifyUrl(
    params.notify_url,
    options.realNotifyUrl,
    QQ_NOTIFY_URL_V2,
  );
  const url = buildProxyUrl({
    api: 'v2-unifiedorder',
    qqAppId: options.qqAppId,
    accessToken: options.accessToken,
    realNotifyUrl,
  });

  const { xml } = buildUnifiedOrder(
    { ...params, trade_type: 'MWEB', notify_url: QQ_NOTIFY_URL_V2 },
    {
      key: options.key,
      ...(options.signType === undefined ? {} : { signType: options.signType }),
      ...(options.nonceStr === undefined ? {} : { nonceStr: options.nonceStr }),
    },
  );
  const request: HttpRequest = {
    method: 'POST',
    url,
    headers: { 'Content-Type': 'text/xml; charset=utf-8' },
    body: xml,
  };
  preflight(request);
  return request;
}
