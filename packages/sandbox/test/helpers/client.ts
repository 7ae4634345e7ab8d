import { createPrivateKey } from 'node:crypto';
import { nonceStr, signXml } from '@qqwxpay/codec-v2';
import { buildAuthorization } from '@qqwxpay/codec-v3';
import type { MerchantConfig, Sandbox } from '../../src/index.ts';

/** A raw HTTP answer. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  body: string;
}

/** Sends a request with fetch and reads the whole answer as text. */
export async function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** The merchant of the default configuration with this id. */
export function merchantOf(sandbox: Sandbox, mchid: string): MerchantConfig {
  const merchant = sandbox.config.merchants.find((m) => m.mchid === mchid);
  if (merchant === undefined) throw new Error(`no merchant ${mchid}`);
  return merchant;
}

/** A V2 H5 unified order body for `merchant`, signed with its key unless told otherwise. */
export function v2OrderXml(
  merchant: MerchantConfig,
  overrides: Record<string, string> = {},
  key: string = merchant.apiKey,
): string {
  return signXml(
    {
      appid: 'wx0123456789abcdef',
      mch_id: merchant.mchid,
      nonce_str: nonceStr(),
      body: 'Sandbox test order',
      out_trade_no: `T${Date.now()}${Math.floor(Math.random() * 1e6)}`,
      total_fee: '101',
      spbill_create_ip: '127.0.0.1',
      notify_url: 'https://api.q.qq.com/wxpay/notify',
      trade_type: 'MWEB',
      scene_info: '{"h5_info":{"type":"Wap","wap_url":"https://shop.example","wap_name":"shop"}}',
      ...overrides,
    },
    key,
  );
}

/** The `Authorization` header for a V3 request of `merchant` over `url` (path and query). */
export function v3Authorization(
  merchant: MerchantConfig,
  method: string,
  url: string,
  body: string,
  timestamp?: number,
): string {
  return buildAuthorization({
    mchid: merchant.mchid,
    serial: merchant.merchantSerial,
    privateKey: createPrivateKey(merchant.merchantPrivateKey),
    method,
    url,
    body,
    ...(timestamp === undefined ? {} : { timestamp }),
  });
}

/** A fresh V3 order number. */
export function orderNumber(prefix = 'V3'): string {
  return `${prefix}${Date.now()}${Math.floor(Math.random() * 1e6)}`;
}
