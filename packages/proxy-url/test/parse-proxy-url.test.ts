import { describe, expect, it } from 'vitest';
import { parseProxyUrl, QqProxyError } from '../src/index.ts';

describe('parseProxyUrl', () => {
  it("accepts the doubled && printed on QQ's page", () => {
    const url =
      'https://api.q.qq.com/wxpay/unifiedorder?appid=1112223334&access_token=TOKEN' +
      '&&real_notify_url=https%3A%2F%2Fshop.example.com%2Fnotify';
    expect(parseProxyUrl(url)).toEqual({
      api: 'v2-unifiedorder',
      qqAppId: '1112223334',
      accessToken: 'TOKEN',
      realNotifyUrl: 'https://shop.example.com/notify',
    });
  });

  it.each([
    ['/wxpay/v3/pay/transactions/h5', 'v3-h5'],
    ['/wxpay/v3/pay/partner/transactions/h5', 'v3-partner-h5'],
    ['/wxpay/v3/combine-transactions/h5', 'v3-combine-h5'],
  ])('maps %s to %s', (path, api) => {
    expect(parseProxyUrl(`https://api.q.qq.com${path}?access_token=a%2Bb&appid=42`)).toEqual({
      api,
      qqAppId: '42',
      accessToken: 'a+b',
    });
  });

  it.each([
    ['another host', 'https://api.mch.weixin.qq.com/v3/pay/transactions/h5?appid=1&access_token=T'],
    ['plain http', 'http://api.q.qq.com/wxpay/unifiedorder?appid=1&access_token=T'],
    [
      'an unknown path',
      'https://api.q.qq.com/wxpay/v3/refund/domestic/refunds?appid=1&access_token=T',
    ],
    ['no appid', 'https://api.q.qq.com/wxpay/unifiedorder?access_token=T'],
    ["WeChat's appid", 'https://api.q.qq.com/wxpay/unifiedorder?appid=wx1&access_token=T'],
    ['no token', 'https://api.q.qq.com/wxpay/unifiedorder?appid=1'],
    ['an empty token', 'https://api.q.qq.com/wxpay/unifiedorder?appid=1&access_token='],
    [
      'a repeated token',
      'https://api.q.qq.com/wxpay/unifiedorder?appid=1&access_token=T&access_token=U',
    ],
    ['an unknown parameter', 'https://api.q.qq.com/wxpay/unifiedorder?appid=1&access_token=T&x=1'],
    ['bad percent-encoding', 'https://api.q.qq.com/wxpay/unifiedorder?appid=1&access_token=%E0%A4'],
    ['a fragment', 'https://api.q.qq.com/wxpay/unifiedorder?appid=1&access_token=T#x'],
  ])('refuses a URL with %s', (_why, url) => {
    expect(() => parseProxyUrl(url)).toThrow(
      expect.objectContaining({ code: 'ERR_QQ_INVALID_PROXY_URL' }),
    );
  });

  it('refuses a real_notify_url that breaks the rule once decoded', () => {
    const url =
      'https://api.q.qq.com/wxpay/unifiedorder?appid=1&access_token=T' +
      '&real_notify_url=https%3A%2F%2Fshop.example.com%2Fcb%3Fa%3D1';
    expect(() => parseProxyUrl(url)).toThrow(QqProxyError);
    expect(() => parseProxyUrl(url)).toThrow(/real_notify_url must not carry a query/);
  });

  it('never echoes the token in its errors', () => {
    const url = 'https://api.q.qq.com/wxpay/unifiedorder?appid=x&access_token=SECRET-TOKEN';
    expect(() => parseProxyUrl(url)).toThrow(
      expect.not.objectContaining({ message: expect.stringContaining('SECRET') }),
    );
  });

  it("QQ's own notify URL as real_notify_url is refused when parsing too", () => {
    const url =
      'https://api.q.qq.com/wxpay/v3/pay/transactions/h5?appid=1112223334&access_token=T' +
      '&real_notify_url=https%3A%2F%2Fapi.q.qq.com%2Fwxpay%2Fnotify';
    expect(() => parseProxyUrl(url)).toThrow(QqProxyError);
  });
});
