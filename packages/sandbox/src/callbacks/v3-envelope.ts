import { randomUUID } from 'node:crypto';
import { encryptResource, signResponse } from '@qqwxpay/codec-v3';
import type { Merchant } from '../internal/context.ts';
import { beijing } from '../internal/ids.ts';
import type { Notification } from './sender.ts';

/** What a V3 callback announces. */
export interface V3Event {
  kind: string;
  url: string;
  eventType: string;
  summary: string;
  /** `transaction` or `refund`: the resource's `original_type` and associated data. */
  originalType: string;
  plaintext: Record<string, unknown>;
  now: number;
}

/**
 * A V3 callback: the envelope with the resource encrypted under the merchant's APIv3 key
 * (AEAD_AES_256_GCM), signed with the platform key for each attempt.
 */
export function v3Notification(merchant: Merchant, event: V3Event): Notification {
  const resource = encryptResource(JSON.stringify(event.plaintext), merchant.config.apiV3Key, {
    associatedData: event.originalType,
  });
  const body = JSON.stringify({
    id: randomUUID(),
    create_time: beijing(new Date(event.now)),
    resource_type: 'encrypt-resource',
    event_type: event.eventType,
    summary: event.summary,
    resource: {
      original_type: event.originalType,
      algorithm: resource.algorithm,
      ciphertext: resource.ciphertext,
      associated_data: resource.associated_data,
      nonce: resource.nonce,
    },
  });
  return {
    kind: event.kind,
    protocol: 'v3',
    url: event.url,
    body,
    headers: () => ({
      'Content-Type': 'application/json',
      ...signResponse({
        body,
        privateKey: merchant.platformKey,
        serial: merchant.config.platformSerial,
      }),
    }),
  };
}
