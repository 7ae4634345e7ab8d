import { randomBytes, randomInt } from 'node:crypto';

/** Random decimal digits. */
export function digits(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String(randomInt(10));
  return text;
}

/** Random letters and digits. */
export function token(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let text = '';
  for (const byte of randomBytes(length)) text += alphabet[byte % alphabet.length];
  return text;
}

/** A 28-digit WeChat Pay transaction id starting with 4200. */
export function transactionId(now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `4200${digits(6)}${day}${digits(10)}`;
}

/** A prepay id in WeChat Pay's shape: `wx`, 14 digits of time, then random hex. */
export function prepayId(now: Date): string {
  const stamp = beijing(now).replace(/\D/g, '').slice(0, 14);
  return `wx${stamp}${randomBytes(12).toString('hex')}`;
}

/** A refund id in WeChat Pay's shape. */
export function refundId(): string {
  return `50${digits(27)}`;
}

/** The instant in Beijing time as RFC 3339 with its offset: `2026-12-04T16:00:00+08:00`. */
export function beijing(now: Date): string {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

/** The instant in Beijing time as V2's `yyyyMMddHHmmss`. */
export function beijingCompact(now: Date): string {
  return beijing(now).slice(0, 19).replace(/\D/g, '');
}

/** The instant in Beijing time as `yyyy-MM-dd HH:mm:ss` (V2 refund notifications). */
export function beijingSpaced(now: Date): string {
  return beijing(now).slice(0, 19).replace('T', ' ');
}
