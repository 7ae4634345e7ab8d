import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abridge, mask } from '../src/demo/exchange.ts';

describe('the transcript abridges and masks', () => {
  it('abridges to one line of at most the limit, keeping short text whole (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.integer({ min: 10, max: 200 }),
        (text, limit) => {
          const line = abridge(text, limit);
          expect(line.length).toBeLessThanOrEqual(limit);
          expect(line).not.toMatch(/\n/);
          const collapsed = text.replace(/\s+/g, ' ').trim();
          if (collapsed.length <= limit) expect(line).toBe(collapsed);
          else expect(line).toContain('…');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('hides secrets entirely and access tokens after six characters', () => {
    expect(mask('/api/getToken?grant_type=client_credential&appid=1&secret=TopSecret123')).toBe(
      '/api/getToken?grant_type=client_credential&appid=1&secret=***',
    );
    expect(mask('/wxpay/unifiedorder?appid=1&access_token=ABCDEFGHIJKLMN&real_notify_url=x')).toBe(
      '/wxpay/unifiedorder?appid=1&access_token=ABCDEF…&real_notify_url=x',
    );
    expect(mask('{"errcode":0,"access_token":"ABCDEFGHIJ","expires_in":7200}')).toBe(
      '{"errcode":0,"access_token":"ABCDEF…","expires_in":7200}',
    );
  });
});
