import { isIP } from 'node:net';
import { z } from 'zod';

/** A string of at most `max` UTF-8 bytes (WeChat counts lengths in bytes). */
export function utf8Text(max: number, min = 1): z.ZodString {
  return z
    .string()
    .min(min, `must not be empty`)
    .refine((s) => Buffer.byteLength(s, 'utf8') <= max, `must be at most ${max} UTF-8 bytes`);
}

/** WeChat's own appid: `wx` and 16 letters or digits (a QQ appid is refused). */
export const wechatAppId: z.ZodString = z
  .string()
  .regex(/^wx[0-9A-Za-z]{16}$/, "must be WeChat's appid (wx and 16 letters or digits)");

/** A merchant id: digits. */
export const mchId: z.ZodString = z.string().regex(/^[0-9]{1,32}$/, 'must be 1 to 32 digits');

/** A merchant's order number: 6 to 32 of letters, digits and `_ - | * @`. */
export const outTradeNo: z.ZodString = z
  .string()
  .regex(/^[0-9A-Za-z_\-|*@]{6,32}$/, 'must be 6 to 32 of letters, digits and _ - | * @');

/** A merchant's refund number: 1 to 64 of letters, digits and `_ - | * @`. */
export const outRefundNo: z.ZodString = z
  .string()
  .regex(/^[0-9A-Za-z_\-|*@]{1,64}$/, 'must be 1 to 64 of letters, digits and _ - | * @');

/** WeChat Pay's transaction id: digits. */
export const transactionId: z.ZodString = z
  .string()
  .regex(/^[0-9]{1,32}$/, 'must be 1 to 32 digits');

/** A nonce: 1 to 32 letters, digits, `_` or `-`. */
export const nonce: z.ZodString = z
  .string()
  .regex(/^[0-9A-Za-z_-]{1,32}$/, 'must be 1 to 32 letters or digits');

/** An amount in fen given by the caller: a positive safe integer or its decimal string. */
export const fenInput: z.ZodType<string, number | string> = z
  .union([
    z
      .number()
      .int('must be a whole number of fen')
      .positive('must be positive')
      .max(Number.MAX_SAFE_INTEGER),
    z.string().regex(/^[1-9][0-9]{0,15}$/, 'must be a positive whole number of fen'),
  ])
  .transform(String);

/** An amount in fen as WeChat Pay sends it: decimal digits. */
export const fenText: z.ZodString = z.string().regex(/^[0-9]{1,16}$/, 'must be decimal digits');

/** An IPv4 or IPv6 address. */
export const ipAddress: z.ZodString = z
  .string()
  .refine((s) => isIP(s) !== 0, 'must be an IPv4 or IPv6 address');

/** An absolute http(s) URL without query or fragment, at most `max` characters. */
export function callbackUrl(max: number): z.ZodString {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine(isPlainHttpUrl, 'must be an absolute http(s) URL without query or fragment');
}

function isPlainHttpUrl(text: string): boolean {
  if (/[?#\s]/.test(text)) return false;
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '';
}

/** A time as WeChat Pay writes it: `yyyyMMddHHmmss`. */
export const compactTime: z.ZodString = z.string().regex(/^[0-9]{14}$/, 'must be yyyyMMddHHmmss');

/** `MD5` or `HMAC-SHA256`. */
export const signTypeField: z.ZodEnum<{ MD5: 'MD5'; 'HMAC-SHA256': 'HMAC-SHA256' }> = z.enum([
  'MD5',
  'HMAC-SHA256',
]);
