import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProxyUrl, PROXY_APIS, parseProxyUrl, QqProxyError } from '../src/index.ts';
import { notifyUrlArbitrary, tokenArbitrary } from './arbitraries.ts';

const qqAppId = '1112223334';

describe('buildProxyUrl', () => {
  it.each([
    [
      'v2-unifiedorder',
      'https://api.q.qq.com/wxpay/unifiedorder?appid=1112223334&access_token=TOKEN',
    ],
    [
      'v3-h5',
      'https://api.q.qq.com/wxpay/v3/pay/transactions/h5?appid=1112223334&access_token=TOKEN',
    ],
    [
      'v3-partner-h5',
      'https://api.q.qq.com/wxpay/v3/pay/partner/transactions/h5?appid=1112223334&access_token=TOKEN',
    ],
    [
      'v3-combine-h5',
      'https://api.q.qq.com/wxpay/v3/combine-transactions/h5?appid=1112223334&access_token=TOKEN',
    ],
  ] as const)('builds the exact %s URL', (api, expected) => {
    expect(buildProxyUrl({ api, qqAppId, accessToken: 'TOKEN' })).toBe(expected);
  });

  it('appends real_notify_url encoded as a URI component, after single & separators', () => {
    const url = buildProxyUrl({
      api: 'v2-unifiedorder',
      qqAppId,
      accessToken: 'TOKEN',
      realNotifyUrl: 'https://shop.example.com:8443/pay/v2/notify',
    });
    expect(url).toBe(
      'https://api.q.qq.com/wxpay/unifiedorder?appid=1112223334&access_token=TOKEN' +
        '&real_notify_url=https%3A%2F%2Fshop.example.com%3A8443%2Fpay%2Fv2%2Fnotify',
    );
    expect(url).not.toContain('&&');
  });

  it('encodes + / = & % in the token so QQ reads them back unchanged', () => {
    const url = buildProxyUrl({ api: 'v3-h5', qqAppId, accessToken: 'a+b/c=d&e%f g' });
    expect(url).toBe(
      'https://api.q.qq.com/wxpay/v3/pay/transactions/h5?appid=1112223334' +
        '&access_token=a%2Bb%2Fc%3Dd%26e%25f%20g',
    );
  });

  it('matches the contract sample for v3-h5 with a token holding / + =', () => {
    expect(
      buildProxyUrl({
        api: 'v3-h5',
        qqAppId,
        accessToken: 'T/1+2=3',
        realNotifyUrl: 'https://shop.example.com/pay/cb',
      }),
    ).toBe(
      'https://api.q.qq.com/wxpay/v3/pay/transactions/h5?appid=1112223334&access_token=T%2F1%2B2%3D3' +
        '&real_notify_url=https%3A%2F%2Fshop.example.com%2Fpay%2Fcb',
    );
  });

  it.each([
    ['a query', 'https://shop.example.com/cb?a=1'],
    ['an empty query', 'https://shop.example.com/cb?'],
    ['a fragment', 'https://shop.example.com/cb#top'],
    ['no scheme', 'shop.example.com/cb'],
    ['a relative path', '/pay/notify'],
    ['another scheme', 'ftp://shop.example.com/cb'],
    ['a scheme without //', 'https:shop.example.com/cb'],
    ['a space', 'https://shop.example.com/pay notify'],
    ['no host', 'https:///cb'],
    ['too many characters', `https://shop.example.com/${'a'.repeat(240)}`],
  ])('refuses a real_notify_url with %s', (_why, realNotifyUrl) => {
    const build = () => buildProxyUrl({ api: 'v3-h5', qqAppId, accessToken: 'T', realNotifyUrl });
    expect(build).toThrow(QqProxyError);
    expect(build).toThrow(
      expect.objectContaining({ code: 'ERR_QQ_INVALID_NOTIFY_URL', field: 'real_notify_url' }),
    );
  });

  it('refuses caller mistakes with TypeError or RangeError naming the parameter', () => {
    expect(() => buildProxyUrl({ api: 'v4' as never, qqAppId, accessToken: 'T' })).toThrow(/api/);
    expect(() =>
      buildProxyUrl({ api: 'v3-h5', qqAppId: 'wx8888888888888888', accessToken: 'T' }),
    ).toThrow(RangeError);
    expect(() => buildProxyUrl({ api: 'v3-h5', qqAppId, accessToken: '' })).toThrow(TypeError);
    expect(() => buildProxyUrl({ api: 'v3-h5', qqAppId, accessToken: 'a\uD800' })).toThrow(
      /accessToken/,
    );
  });

  it('never puts the token in an error message', () => {
    const accessToken = 'SECRET-TOKEN-VALUE';
    try {
      buildProxyUrl({ api: 'v3-h5', qqAppId, accessToken, realNotifyUrl: 'https://x.example/?q' });
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(accessToken);
    }
  });

  it('property: parse(build(parts)) gives back the parts, for any token and valid notify URL', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROXY_APIS),
        fc.stringMatching(/^\d{1,12}$/),
        tokenArbitrary,
        fc.option(notifyUrlArbitrary, { nil: undefined }),
        (api, appId, accessToken, realNotifyUrl) => {
          const parts = { api, qqAppId: appId, accessToken, realNotifyUrl };
          const url = buildProxyUrl(parts);
          expect(url).not.toContain('&&');
          const parsed = parseProxyUrl(url);
          expect(parsed).toEqual(
            realNotifyUrl === undefined ? { api, qqAppId: appId, accessToken } : parts,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("QQ's own notify URLs are refused as real_notify_url", () => {
    for (const realNotifyUrl of [
      'https://api.q.qq.com/wxpay/notify',
      'https://api.q.qq.com/wxpay/v3/notify/1230000109/T1',
      'http://API.q.qq.com/anything',
      'https://api.q.qq.com./wxpay/notify',
    ]) {
      expect(() =>
        buildProxyUrl({ api: 'v3-h5', qqAppId: '1112223334', accessToken: 'T', realNotifyUrl }),
      ).toThrow(
        expect.objectContaining({ code: 'ERR_QQ_INVALID_NOTIFY_URL', field: 'real_notify_url' }),
      );
    }
    expect(
      buildProxyUrl({
        api: 'v3-h5',
        qqAppId: '1112223334',
        accessToken: 'T',
        realNotifyUrl: 'https://api.q.qq.com.shop.example/notify',
      }),
    ).toContain('real_notify_url=');
  });
});
