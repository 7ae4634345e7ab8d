import type { ProxyApi } from '../proxy-api.ts';

/** Where each kind of proxied order keeps its ids. */
export interface OrderFields {
  /** The merchant id whose key signs the request and that names the V3 notify URL. */
  merchant: string;
  /** The order number that names the V3 notify URL. */
  orderNo: string;
  /** Fields that must hold WeChat's `wx…` appid, never the QQ appid. */
  appids: readonly string[];
}

/** The id fields of each proxied order, by WeChat's own field names. */
export const ORDER_FIELDS: Readonly<Record<ProxyApi, OrderFields>> = {
  'v2-unifiedorder': {
    merchant: 'mch_id',
    orderNo: 'out_trade_no',
    appids: ['appid', 'sub_appid'],
  },
  'v3-h5': { merchant: 'mchid', orderNo: 'out_trade_no', appids: ['appid'] },
  'v3-partner-h5': {
    merchant: 'sp_mchid',
    orderNo: 'out_trade_no',
    appids: ['sp_appid', 'sub_appid'],
  },
  'v3-combine-h5': {
    merchant: 'combine_mchid',
    orderNo: 'combine_out_trade_no',
    appids: ['combine_appid'],
  },
};

/** Tells whether a value is a plain JSON-like object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
