import { randomBytes, randomUUID } from 'node:crypto';
import { encryptResource } from '@qqwxpay/codec-v3';
import type { Merchant } from '../internal/context.ts';
import { beijing, token } from '../internal/ids.ts';
import type { Notification } from './sender.ts';

/** The prefix of the signatures of WeChat Pay's probe callbacks. */
export const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/';

/**
 * A probe callback as WeChat Pay sends to check that a merchant verifies signatures: a
 * well-formed envelope whose `Wechatpay-Signature` starts with `WECHATPAY/SIGNTEST/` and
 * signs nothing. A correct merchant refuses it; acknowledging it is the failure.
 */
export function signtestProbe(merchant: Merchant, url: string, now: number): Notification {
  const resource = encryptResource(JSON.stringify({ probe: true }), merchant.config.apiV3Key, {
    associatedData: 'transaction',
  });
  const body = JSON.stringify({
    id: randomUUID(),
    create_time: beijing(new Date(now)),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: { original_type: 'transaction', ...resource },
  });
  return {
    kind: 'signtest',
    protocol: 'v3',
    url,
    body,
    once: true,
    headers: () => ({
      'Content-Type': 'application/json',
      'Wechatpay-Timestamp': String(Math.floor(now / 1000)),
      'Wechatpay-Nonce': token(32),
      'Wechatpay-Signature': `${SIGNTEST_PREFIX}${randomBytes(192).toString('base64')}`,
      'Wechatpay-Serial': merchant.config.platformSerial,
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    }),
  };
}
