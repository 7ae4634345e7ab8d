import { describe, expect, it } from 'vitest';
import { run } from './proxy-cli-io.ts';

describe('qqwxpay proxy-url', () => {
  it('prints the v3-h5 URL of the contract sample', async () => {
    const result = await run([
      'proxy-url',
      '--api',
      'v3-h5',
      '--qq-appid',
      '1112223334',
      '--access-token',
      'T/1+2=3',
      '--real-notify-url',
      'https://shop.example.com/pay/cb',
    ]);
    expect(result).toEqual({
      code: 0,
      stdout:
        'https://api.q.qq.com/wxpay/v3/pay/transactions/h5?appid=1112223334&access_token=T%2F1%2B2%3D3' +
        '&real_notify_url=https%3A%2F%2Fshop.example.com%2Fpay%2Fcb\n',
      stderr: '',
    });
  });

  it.each([
    ['v2-unifiedorder', '/wxpay/unifiedorder'],
    ['v3-partner-h5', '/wxpay/v3/pay/partner/transactions/h5'],
    ['v3-combine-h5', '/wxpay/v3/combine-transactions/h5'],
  ])('prints the %s URL', async (api, path) => {
    const result = await run([
      'proxy-url',
      '--api',
      api,
      '--qq-appid',
      '1',
      '--access-token',
      'a&b',
    ]);
    expect(result.stdout).toBe(`https://api.q.qq.com${path}?appid=1&access_token=a%26b\n`);
  });

  it.each([
    ['a query', 'https://shop.example.com/cb?a=1'],
    ['a fragment', 'https://shop.example.com/cb#x'],
    ['no scheme', 'shop.example.com/cb'],
  ])('exits 2 naming real_notify_url for a notify URL with %s', async (_why, url) => {
    const result = await run([
      'proxy-url',
      '--api',
      'v2-unifiedorder',
      '--qq-appid',
      '1112223334',
      '--access-token',
      'T',
      '--real-notify-url',
      url,
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^qqwxpay: ERR_QQ_INVALID_NOTIFY_URL: real_notify_url .*\n$/);
  });

  it('exits 2 for an unknown API or a missing flag', async () => {
    expect(
      (await run(['proxy-url', '--api', 'v3-jsapi', '--qq-appid', '1', '--access-token', 'T']))
        .code,
    ).toBe(2);
    expect((await run(['proxy-url', '--api', 'v3-h5', '--qq-appid', '1'])).stderr).toMatch(
      /access-token/,
    );
    expect(
      (await run(['proxy-url', '--api', 'v3-h5', '--qq-appid', 'wx1', '--access-token', 'T'])).code,
    ).toBe(2);
  });
});

describe('qqwxpay notify-url', () => {
  it('prints the V2 notify URL', async () => {
    expect(await run(['notify-url', 'v2'])).toEqual({
      code: 0,
      stdout: 'https://api.q.qq.com/wxpay/notify\n',
      stderr: '',
    });
  });

  it('prints the V3 notify URL with segments encoded', async () => {
    expect(
      (await run(['notify-url', 'v3', '--mchid', '1230000109', '--out-trade-no', '0000042']))
        .stdout,
    ).toBe('https://api.q.qq.com/wxpay/v3/notify/1230000109/0000042\n');
    expect(
      (await run(['notify-url', 'v3', '--mchid', '1230000109', '--out-trade-no', 'a|b*c'])).stdout,
    ).toBe('https://api.q.qq.com/wxpay/v3/notify/1230000109/a%7Cb*c\n');
  });

  it('exits 2 for an order number WeChat Pay would refuse', async () => {
    const result = await run([
      'notify-url',
      'v3',
      '--mchid',
      '1230000109',
      '--out-trade-no',
      'a/b',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/outTradeNo/);
  });
});
