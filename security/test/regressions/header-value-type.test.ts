import { normalizeHeaders } from '@qqwxpay/notify-verify';
import { describe, expect, it } from 'vitest';

describe('a header value that is neither text nor a list', () => {
  it('is refused with a TypeError naming the header, not a bare iteration failure', () => {
    const headers = { 'wechatpay-nonce': { toString: () => 'x' } } as unknown as Record<
      string,
      string
    >;
    expect(() => normalizeHeaders(headers)).toThrow(/wechatpay-nonce/);
  });
});
