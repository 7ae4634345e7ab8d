import { z } from 'zod';
import { parseParams } from '../internal/check-schema.ts';
import {
  callbackUrl,
  compactTime,
  fenInput,
  ipAddress,
  mchId,
  nonce,
  outTradeNo,
  signTypeField,
  utf8Text,
  wechatAppId,
} from '../internal/field-schemas.ts';
import { type SignOptions, signFields } from '../internal/signed-request.ts';
import type { V2Fields } from '../types.ts';
import { type SceneInfo, sceneInfoField } from './scene-info.ts';

/** A unified order for an H5 (`MWEB`) payment, as the caller gives it. */
export interface UnifiedOrderParams {
  appid: string;
  mch_id: string;
  sub_appid?: string;
  sub_mch_id?: string;
  device_info?: string;
  nonce_str?: string;
  sign_type?: 'MD5' | 'HMAC-SHA256';
  body: string;
  detail?: string;
  attach?: string;
  out_trade_no: string;
  fee_type?: string;
  total_fee: number | string;
  spbill_create_ip: string;
  time_start?: string;
  time_expire?: string;
  goods_tag?: string;
  notify_url: string;
  trade_type?: 'MWEB';
  product_id?: string;
  limit_pay?: 'no_credit';
  receipt?: 'Y';
  profit_sharing?: 'Y' | 'N';
  /** A JSON string, or an object serialised as JSON. */
  scene_info: string | SceneInfo;
}

/** A unified order after validation: every value a string, `trade_type` set. */
export type UnifiedOrder = Omit<UnifiedOrderParams, 'total_fee' | 'scene_info' | 'trade_type'> & {
  total_fee: string;
  scene_info: string;
  trade_type: 'MWEB';
};

/**
 * The unified order for `trade_type=MWEB` with WeChat's limits: `out_trade_no` 6–32 of
 * `[0-9A-Za-z_-|*@]`, `body` ≤ 128 and `attach` ≤ 127 UTF-8 bytes, `total_fee` a positive
 * integer of fen, `notify_url` absolute http(s) without query, `spbill_create_ip` IPv4 or
 * IPv6, `nonce_str` ≤ 32, `scene_info` with `h5_info`. Unknown fields are refused.
 *
 * @example
 * ```ts
 * const order = unifiedOrderSchema.parse(input); // order.total_fee === '88'
 * ```
 */
export const unifiedOrderSchema: z.ZodType<UnifiedOrder, UnifiedOrderParams> = z.strictObject({
  appid: wechatAppId,
  mch_id: mchId,
  sub_appid: wechatAppId.optional(),
  sub_mch_id: mchId.optional(),
  device_info: utf8Text(32).optional(),
  nonce_str: nonce.optional(),
  sign_type: signTypeField.optional(),
  body: utf8Text(128),
  detail: utf8Text(6000).optional(),
  attach: utf8Text(127).optional(),
  out_trade_no: outTradeNo,
  fee_type: z.literal('CNY').optional(),
  total_fee: fenInput,
  spbill_create_ip: ipAddress,
  time_start: compactTime.optional(),
  time_expire: compactTime.optional(),
  goods_tag: utf8Text(32).optional(),
  notify_url: callbackUrl(256),
  trade_type: z.literal('MWEB').default('MWEB'),
  product_id: utf8Text(32).optional(),
  limit_pay: z.literal('no_credit').optional(),
  receipt: z.literal('Y').optional(),
  profit_sharing: z.enum(['Y', 'N']).optional(),
  scene_info: sceneInfoField,
});

/**
 * Validates a unified order, adds `nonce_str` when absent (and `sign_type` for HMAC-SHA256),
 * signs it and encodes it. Send `xml` to {@link V2_ENDPOINTS}`.unifiedOrder`, or through QQ's
 * proxy (see `@qqwxpay/proxy-url`).
 *
 * @param params - the order, by WeChat's field names
 * @param options - the API key, the algorithm and an optional fixed `nonce_str`
 * @returns the signed fields and the XML body
 * @throws TypeError naming the first field that breaks the schema, or a bad key
 * @throws RangeError for an unknown algorithm or one that disagrees with `sign_type`
 * @example
 * ```ts
 * const { xml } = buildUnifiedOrder(
 *   { appid, mch_id, body: 'QQ 会员', out_trade_no: 'T20260412001', total_fee: 88,
 *     spbill_create_ip: '203.0.113.7', notify_url, scene_info: { h5_info: { type: 'Wap',
 *     wap_url: 'https://m.example.com', wap_name: 'shop' } } },
 *   { key },
 * );
 * ```
 */
export function buildUnifiedOrder(
  params: UnifiedOrderParams,
  options: SignOptions,
): { fields: V2Fields; xml: string } {
  const order = parseParams(unifiedOrderSchema, params);
  return signFields(order as unknown as Record<string, string>, options);
}
