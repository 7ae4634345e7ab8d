import { describe, expect, it } from 'vitest';
import { eventKey } from '../src/event-key.ts';
import { verifyV2Notification } from '../src/verify-v2-notification.ts';
import { API_KEY, v2PaymentXml, v2RefundXml } from './support/callbacks.ts';

describe('eventKey', () => {
  it('keys V2 payments by transaction_id and refunds by refund id and status', () => {
    const payment = verifyV2Notification({ body: v2PaymentXml() }, { key: API_KEY });
    expect(eventKey(payment)).toBe('v2:1004400740201409030005092168:payment');
    const refund = verifyV2Notification({ body: v2RefundXml() }, { key: API_KEY });
    expect(eventKey(refund)).toBe(
      'v2:1004400740201409030005092168:refund:50000408942018111907145868882:SUCCESS',
    );
  });

  it('a retried V2 payment (new nonce, same transaction) has the same key', () => {
    const a = verifyV2Notification({ body: v2PaymentXml({ nonce_str: 'aaaa' }) }, { key: API_KEY });
    const b = verifyV2Notification({ body: v2PaymentXml({ nonce_str: 'bbbb' }) }, { key: API_KEY });
    expect(eventKey(a)).toBe(eventKey(b));
  });

  it('an event that is not a verified event is a TypeError naming the parameter', () => {
    for (const bad of [{}, null, undefined, { version: 'v2' }, { version: 'v2', kind: 'refund' }]) {
      expect(() => eventKey(bad as never)).toThrow(TypeError);
      expect(() => eventKey(bad as never)).toThrow(/^event: /);
    }
  });
});
