import { QqProxyError } from './errors.ts';
import { QQ_PROXY_BASE } from './proxy-api.ts';

/** QQ's notify URL for V2 orders: the `notify_url` every proxied V2 order must carry. */
export const QQ_NOTIFY_URL_V2: string = `${QQ_PROXY_BASE}/wxpay/notify`;

const V3_PREFIX = `${QQ_PROXY_BASE}/wxpay/v3/notify/`;
const MCHID = /^\d{1,32}$/;
const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*@]{1,32}$/;

/** A QQ notify URL taken apart by {@link parseNotifyUrl}. */
export type ParsedNotifyUrl =
  | { version: 'v2' }
  | { version: 'v3'; mchid: string; outTradeNo: string };

/**
 * QQ's notify URL for V2 orders, `https://api.q.qq.com/wxpay/notify`.
 *
 * @example
 * ```ts
 * notifyUrlV2(); // 'https://api.q.qq.com/wxpay/notify'
 * ```
 */
export function notifyUrlV2(): string {
  return QQ_NOTIFY_URL_V2;
}

/**
 * QQ's notify URL for a V3 order, `https://api.q.qq.com/wxpay/v3/notify/{MCH_ID}/{OUT_TRADE_NO}`,
 * each path segment encoded as a URI component (`|` becomes `%7C`; `*`, legal in a path
 * segment, stays). Pass the direct
 * merchant's `mchid` and `out_trade_no`, the service provider's `sp_mchid` and `out_trade_no`
 * in partner mode, or `combine_mchid` and `combine_out_trade_no` for combine orders.
 *
 * @param mchid - the merchant id of the mode (digits)
 * @param outTradeNo - the order number of the mode: 1–32 of letters, digits and `_-|*@`
 * @throws RangeError naming `mchid` or `outTradeNo` when it breaks those rules
 * @example
 * ```ts
 * notifyUrlV3('1230000109', 'A|1'); // 'https://api.q.qq.com/wxpay/v3/notify/1230000109/A%7C1'
 * ```
 */
export function notifyUrlV3(mchid: string, outTradeNo: string): string {
  if (typeof mchid !== 'string' || !MCHID.test(mchid)) {
    throw new RangeError('mchid must be a WeChat Pay merchant id, 1-32 digits');
  }
  if (typeof outTradeNo !== 'string' || !OUT_TRADE_NO.test(outTradeNo)) {
    throw new RangeError('outTradeNo must be 1-32 of letters, digits and _-|*@');
  }
  return `${V3_PREFIX}${encodeSegment(mchid)}/${encodeSegment(outTradeNo)}`;
}

/**
 * Takes a QQ notify URL apart: V2's fixed URL, or V3's merchant id and order number, decoded.
 *
 * @param url - a notify URL
 * @throws QqProxyError `ERR_QQ_INVALID_NOTIFY_URL` when it is not one of QQ's notify URLs
 * @example
 * ```ts
 * parseNotifyUrl('https://api.q.qq.com/wxpay/v3/notify/1230000109/A%7C1');
 * // { version: 'v3', mchid: '1230000109', outTradeNo: 'A|1' }
 * ```
 */
export function parseNotifyUrl(url: string): ParsedNotifyUrl {
  if (url === QQ_NOTIFY_URL_V2) return { version: 'v2' };
  if (typeof url === 'string' && url.startsWith(V3_PREFIX)) {
    const segments = url.slice(V3_PREFIX.length).split('/');
    if (segments.length === 2) {
      const mchid = decodeSegment(segments[0]!);
      const outTradeNo = decodeSegment(segments[1]!);
      if (
        mchid !== undefined &&
        outTradeNo !== undefined &&
        MCHID.test(mchid) &&
        OUT_TRADE_NO.test(outTradeNo)
      ) {
        return { version: 'v3', mchid, outTradeNo };
      }
    }
  }
  throw new QqProxyError('ERR_QQ_INVALID_NOTIFY_URL', "notify_url is not one of QQ's notify URLs", {
    field: 'notify_url',
    meaning: "proxied orders must name QQ's notify URL, which forwards the callback",
    remedy: 'use notifyUrlV2() or notifyUrlV3(mchid, outTradeNo)',
  });
}

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment);
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
