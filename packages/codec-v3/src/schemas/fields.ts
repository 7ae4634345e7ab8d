import { z } from 'zod';

const utf8Length = (value: string): number => Buffer.byteLength(value, 'utf8');

/** At most `max` UTF-8 bytes (WeChat Pay counts bytes, not characters). */
export function utf8Max(max: number): z.ZodString {
  return z
    .string()
    .min(1, 'must not be empty')
    .refine((v) => utf8Length(v) <= max, `must be at most ${max} UTF-8 bytes`);
}

/** A WeChat appid: `wx` and 16 letters or digits (a QQ appid is refused here). */
export const wechatAppId: z.ZodString = z
  .string()
  .regex(/^wx[0-9A-Za-z]{16}$/, 'must be a WeChat appid (wx followed by 16 characters)');

/** A merchant id: digits. */
export const merchantId: z.ZodString = z.string().regex(/^[0-9]{1,32}$/, 'must be digits');

/** An order number: 6–32 of letters, digits, `_ - | *`. */
export const outTradeNo: z.ZodString = z
  .string()
  .regex(/^[0-9A-Za-z_\-|*]{6,32}$/, 'must be 6-32 letters, digits or _-|*');

/** A refund number: 1–64 of letters, digits, `_ - | * @`. */
export const outRefundNo: z.ZodString = z
  .string()
  .regex(/^[0-9A-Za-z_\-|*@]{1,64}$/, 'must be 1-64 letters, digits or _-|*@');

/** An amount in fen: a positive safe integer. */
export const fen: z.ZodNumber = z
  .number()
  .int('must be a whole number of fen')
  .positive('must be positive')
  .max(Number.MAX_SAFE_INTEGER, 'must be a safe integer');

/** A currency: CNY only. */
export const currency: z.ZodLiteral<'CNY'> = z.literal('CNY', 'must be CNY');

const RFC3339_WITH_OFFSET =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?[+-]([01]\d|2[0-3]):[0-5]\d$/;

/** RFC 3339 time with a numeric offset, such as `2026-12-04T10:34:56+08:00`. */
export const rfc3339: z.ZodString = z
  .string()
  .regex(RFC3339_WITH_OFFSET, 'must be RFC 3339 with an offset, such as 2026-12-04T10:34:56+08:00')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be a real date');

/** `notify_url`: https, at most 255 characters, no query or fragment. */
export const notifyUrl: z.ZodString = z
  .string()
  .max(255, 'must be at most 255 characters')
  .refine(isHttpsWithoutQuery, 'must be an https URL without query or fragment');

function isHttpsWithoutQuery(value: string): boolean {
  if (!value.startsWith('https://') || value.includes('?') || value.includes('#')) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** An IPv4 or IPv6 address. */
export const ipAddress: z.ZodUnion<[z.ZodIPv4, z.ZodIPv6]> = z.union(
  [z.ipv4(), z.ipv6()],
  'must be an IPv4 or IPv6 address',
);

/** `scene_info` of an H5 order. */
export interface H5SceneInfo {
  /** The payer's IP address. */
  payer_client_ip: string;
  /** The merchant's device id. */
  device_id?: string | undefined;
  /** The merchant's store. */
  store_info?: { id: string; [key: string]: unknown } | undefined;
  /** The H5 client. */
  h5_info: {
    type: 'Wap' | 'iOS' | 'Android';
    app_name?: string | undefined;
    app_url?: string | undefined;
    bundle_id?: string | undefined;
    package_name?: string | undefined;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** The H5 scene: the payer's IP and the H5 client type. */
export const h5SceneInfo: z.ZodType<H5SceneInfo> = z.looseObject({
  payer_client_ip: ipAddress,
  device_id: z.string().max(32).optional(),
  store_info: z.looseObject({ id: z.string().max(32) }).optional(),
  h5_info: z.looseObject({
    type: z.enum(['Wap', 'iOS', 'Android'], 'must be Wap, iOS or Android'),
    app_name: z.string().max(64).optional(),
    app_url: z.string().max(128).optional(),
    bundle_id: z.string().max(128).optional(),
    package_name: z.string().max(128).optional(),
  }),
});

/** `settle_info` of an order. */
export interface SettleInfo {
  /** Whether the payment is held for profit sharing. */
  profit_sharing?: boolean | undefined;
  [key: string]: unknown;
}

/** Settlement info (profit sharing). */
export const settleInfo: z.ZodType<SettleInfo> = z.looseObject({
  profit_sharing: z.boolean().optional(),
});
