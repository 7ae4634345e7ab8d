import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway RSA-2048 merchant key, with its public half written out for `openssl`. */
export interface TestMerchantKey {
  privateKey: KeyObject;
  publicKeyPath: string;
  dir: string;
  cleanup(): void;
}

/** Makes a fresh merchant key in a temporary folder. */
export function makeMerchantKey(): TestMerchantKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const dir = mkdtempSync(join(tmpdir(), 'qqwxpay-proxy-url-'));
  const publicKeyPath = join(dir, 'merchant_pub.pem');
  writeFileSync(publicKeyPath, publicKey.export({ type: 'spki', format: 'pem' }));
  return {
    privateKey,
    publicKeyPath,
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A direct-mode H5 order body, as WeChat Pay's H5 order page shows it. */
export const directOrder: Record<string, unknown> = {
  appid: 'wxd678efh567hg6787',
  mchid: '1230000109',
  description: 'Image形象店-深圳腾大-QQ公仔',
  out_trade_no: '1217752501201407033233368018',
  notify_url: 'https://shop.example.com/pay/v3/notify',
  amount: { total: 100, currency: 'CNY' },
  scene_info: { payer_client_ip: '14.23.150.211', h5_info: { type: 'Wap' } },
};

/** A partner-mode (service provider) H5 order body. */
export const partnerOrder: Record<string, unknown> = {
  sp_appid: 'wx8888888888888888',
  sp_mchid: '1900000100',
  sub_mchid: '1900000109',
  description: 'Image形象店-深圳腾大-QQ公仔',
  out_trade_no: 'P|1217752501*01',
  amount: { total: 100, currency: 'CNY' },
  scene_info: { payer_client_ip: '14.23.150.211', h5_info: { type: 'Wap' } },
};

/** A combine H5 order body. */
export const combineOrder: Record<string, unknown> = {
  combine_appid: 'wxd678efh567hg6787',
  combine_mchid: '1900000109',
  combine_out_trade_no: 'P20150806125346',
  scene_info: { payer_client_ip: '14.23.150.211', h5_info: { type: 'Wap' } },
  sub_orders: [
    {
      mchid: '1900000109',
      attach: '深圳分店',
      amount: { total_amount: 10, currency: 'CNY' },
      out_trade_no: '20150806125346',
      description: '腾讯充值中心-QQ会员充值',
    },
    {
      mchid: '1900000110',
      amount: { total_amount: 20, currency: 'CNY' },
      out_trade_no: '20150806125347',
      description: '腾讯充值中心-QQ会员充值',
    },
  ],
};

/**
 * Everything an error's logger could print: message, stack, own properties and the whole
 * cause chain, as one text.
 */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let at = error, depth = 0; at !== undefined && depth < 8; depth++) {
    if (!(at instanceof Error)) {
      parts.push(String(at));
      break;
    }
    parts.push(at.message, at.stack ?? '', JSON.stringify({ ...at }));
    at = at.cause;
  }
  return parts.join('\n');
}

/** The first `width`-character piece of `secret` found in `text`, if any. */
export function leakedPiece(text: string, secret: string, width = 8): string | undefined {
  for (let i = 0; i + width <= secret.length; i++) {
    const piece = secret.slice(i, i + width);
    if (text.includes(piece)) return piece;
  }
  return undefined;
}
