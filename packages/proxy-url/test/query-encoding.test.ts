import { describe, expect, it } from 'vitest';
import { buildProxyUrl, parseProxyUrl } from '../src/index.ts';
import vectors from './data/query-encoding.json' with { type: 'json' };

// Expected encodings computed outside this project with Python's urllib.parse.quote; the
// command is kept in the data file.
describe('query encoding against independently computed values', () => {
  it.each(vectors.tokens)('encodes the token $accessToken', ({ accessToken, encoded }) => {
    const url = buildProxyUrl({ api: 'v3-h5', qqAppId: '1112223334', accessToken });
    expect(url).toBe(
      `https://api.q.qq.com/wxpay/v3/pay/transactions/h5?appid=1112223334&access_token=${encoded}`,
    );
    expect(parseProxyUrl(url).accessToken).toBe(accessToken);
  });

  it.each(vectors.notifyUrls)(
    'encodes real_notify_url $realNotifyUrl',
    ({ realNotifyUrl, encoded }) => {
      const url = buildProxyUrl({
        api: 'v2-unifiedorder',
        qqAppId: '1',
        accessToken: 'T',
        realNotifyUrl,
      });
      expect(url).toBe(
        `https://api.q.qq.com/wxpay/unifiedorder?appid=1&access_token=T&real_notify_url=${encoded}`,
      );
      expect(parseProxyUrl(url).realNotifyUrl).toBe(realNotifyUrl);
    },
  );
});
