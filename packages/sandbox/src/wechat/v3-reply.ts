import { randomUUID } from 'node:crypto';
import { signResponse } from '@qqwxpay/codec-v3';
import type { Merchant } from '../internal/context.ts';
import type { Reply } from '../internal/http-server.ts';

/**
 * WeChat Pay's V3 error answer: `{"code","message"}` with a `Request-ID` and no signature
 * headers, as the real service sends errors.
 */
export function v3Error(status: number, code: string, message: string, detail?: unknown): Reply {
  const body = JSON.stringify({ code, message, ...(detail === undefined ? {} : { detail }) });
  return {
    status,
    headers: { 'Content-Type': 'application/json', 'Request-ID': randomUUID() },
    body,
  };
}

/** A successful V3 answer, signed with the merchant's platform key; 204 has an empty body. */
export function v3Signed(merchant: Merchant, status: number, value?: unknown): Reply {
  const body = value === undefined ? '' : JSON.stringify(value);
  return {
    status,
    headers: {
      ...(body === '' ? {} : { 'Content-Type': 'application/json' }),
      'Request-ID': randomUUID(),
      ...signResponse({
        body,
        privateKey: merchant.platformKey,
        serial: merchant.config.platformSerial,
      }),
    },
    body,
  };
}

/** Reads a V3 JSON body: an object, or undefined. */
export function readJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
