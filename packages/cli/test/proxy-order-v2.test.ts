import { verifyXml } from '@qqwxpay/codec-v2';
import { describe, expect, it } from 'vitest';
import { run } from './proxy-cli-io.ts';

const key = '192006250b4c09247ec02edce69f6a2d';
const order = {
  appid: 'wx2421b1c4370ec43b',
  mch_id: '10000100',
  body: 'QQ会员',
  out_trade_no: '0000042',
  total_fee: '88',
  spbill_create_ip: '203.0.113.7',
  scene_info: { h5_info: { type: 'Wap', wap_url: 'https://m.example.com', wap_name: 'shop' } },
};
const flags = ['--qq-appid', '1112223334', '--access-token', 'T/1+2=3', '--key', key];

describe('qqwxpay order v2', () => {
  it("prints the request for QQ's proxy with the order signed as XML", async () => {
    const result = await run(
      ['order', 'v2', ...flags, '--real-notify-url', 'https://shop.example.com/pay/cb'],
      JSON.stringify(order),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.endsWith('}\n')).toBe(true);
    const request = JSON.parse(result.stdout);
    expect(Object.keys(request)).toEqual(['method', 'url', 'headers', 'body']);
    expect(request.method).toBe('POST');
    expect(request.url).toBe(
      'https://api.q.qq.com/wxpay/unifiedorder?appid=1112223334&access_token=T%2F1%2B2%3D3' +
        '&real_notify_url=https%3A%2F%2Fshop.example.com%2Fpay%2Fcb',
    );
    expect(request.headers).toEqual({ 'Content-Type': 'text/xml; charset=utf-8' });
    const fields = verifyXml(request.body, key);
    expect(fields.notify_url).toBe('https://api.q.qq.com/wxpay/notify');
    expect(fields.trade_type).toBe('MWEB');
    expect(fields.nonce_str).toMatch(/^\w+$/);
    expect(fields.out_trade_no).toBe('0000042');
  });

  it('signs with HMAC-SHA256 when asked', async () => {
    const result = await run(
      ['order', 'v2', ...flags, '--sign-type', 'HMAC-SHA256'],
      JSON.stringify(order),
    );
    expect(result.code).toBe(0);
    const fields = verifyXml(JSON.parse(result.stdout).body, key);
    expect(fields.sign_type).toBe('HMAC-SHA256');
  });

  it.each([
    ['a zero amount', { total_fee: 0 }, 'total_fee'],
    ['a fractional amount', { total_fee: 1.5 }, 'total_fee'],
    ['a long order number', { out_trade_no: 'x'.repeat(33) }, 'out_trade_no'],
    ['a QQ appid', { appid: '1112223334' }, 'appid'],
    ['a notify URL with a query', { notify_url: 'https://shop.example.com/cb?a=1' }, 'notify_url'],
  ])('exits 2 naming the field for %s', async (_why, change, field) => {
    const result = await run(['order', 'v2', ...flags], JSON.stringify({ ...order, ...change }));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^qqwxpay: ERR_[A-Z0-9_]+: .*${field}`));
  });

  it('exits 2 for input that is not a JSON object, and for a bad real_notify_url', async () => {
    expect((await run(['order', 'v2', ...flags], '<xml/>')).code).toBe(2);
    expect((await run(['order', 'v2', ...flags], '[]')).code).toBe(2);
    const bad = await run(
      ['order', 'v2', ...flags, '--real-notify-url', 'https://shop.example.com/cb#x'],
      JSON.stringify(order),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/ERR_QQ_INVALID_NOTIFY_URL: real_notify_url/);
  });
});
