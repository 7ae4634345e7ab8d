import { decodeXml, verifyXml } from '@qqwxpay/codec-v2';
import { describe, expect, it } from 'vitest';
import { type ProxiedUnifiedOrderParams, prepareV2Order } from '../src/index.ts';

const key = '192006250b4c09247ec02edce69f6a2d';
const order: ProxiedUnifiedOrderParams = {
  appid: 'wx2421b1c4370ec43b',
  mch_id: '10000100',
  body: 'QQ会员-月卡',
  out_trade_no: 'T20261204|0001',
  total_fee: 88,
  spbill_create_ip: '203.0.113.7',
  notify_url: 'https://shop.example.com/pay/v2/notify',
  scene_info: { h5_info: { type: 'Wap', wap_url: 'https://m.example.com', wap_name: 'shop' } },
};
const options = { qqAppId: '1112223334', accessToken: 'a+b/c=d&e%f', key };

describe('prepareV2Order', () => {
  it("sends signed XML to QQ's proxy with QQ's notify_url and the caller's as real_notify_url", () => {
    const request = prepareV2Order(order, { ...options, nonceStr: 'ibuaiVcKdpRxkhJA' });
    expect(request.method).toBe('POST');
    expect(request.url).toBe(
      'https://api.q.qq.com/wxpay/unifiedorder?appid=1112223334&access_token=a%2Bb%2Fc%3Dd%26e%25f' +
        '&real_notify_url=https%3A%2F%2Fshop.example.com%2Fpay%2Fv2%2Fnotify',
    );
    expect(request.headers).toEqual({ 'Content-Type': 'text/xml; charset=utf-8' });
    expect(request.body.startsWith('<xml>')).toBe(true);

    const fields = verifyXml(request.body, key);
    expect(fields).toMatchObject({
      appid: 'wx2421b1c4370ec43b',
      notify_url: 'https://api.q.qq.com/wxpay/notify',
      trade_type: 'MWEB',
      nonce_str: 'ibuaiVcKdpRxkhJA',
      total_fee: '88',
      out_trade_no: 'T20261204|0001',
    });
    expect(fields.sign).toMatch(/^[0-9A-F]{32}$/);
  });

  it('adds a random nonce_str when none is given, and signs with HMAC-SHA256 on request', () => {
    const request = prepareV2Order(order, { ...options, signType: 'HMAC-SHA256' });
    const fields = decodeXml(request.body);
    expect(fields.nonce_str).toMatch(/^[0-9A-Za-z]{1,32}$/);
    expect(fields.sign_type).toBe('HMAC-SHA256');
    expect(fields.sign).toMatch(/^[0-9A-F]{64}$/);
    expect(() => verifyXml(request.body, key)).not.toThrow();
  });

  it('uses realNotifyUrl when the body has no notify_url, and omits it when neither has one', () => {
    const { notify_url: _, ...bare } = order;
    const withOption = prepareV2Order(bare, {
      ...options,
      realNotifyUrl: 'http://127.0.0.1:8080/cb',
    });
    expect(withOption.url.endsWith('&real_notify_url=http%3A%2F%2F127.0.0.1%3A8080%2Fcb')).toBe(
      true,
    );
    const without = prepareV2Order(bare, options);
    expect(without.url).not.toContain('real_notify_url');
    expect(decodeXml(without.body).notify_url).toBe('https://api.q.qq.com/wxpay/notify');
  });

  it('refuses a QQ appid where WeChat appid belongs', () => {
    expect(() => prepareV2Order({ ...order, appid: '1112223334' }, options)).toThrow(
      expect.objectContaining({ code: 'ERR_QQ_PREFLIGHT_APPID', field: 'appid' }),
    );
  });

  it.each([
    ['a zero amount', { total_fee: 0 }, /total_fee/],
    ['a fractional amount', { total_fee: 1.5 }, /total_fee/],
    ['an order number too long', { out_trade_no: 'x'.repeat(33) }, /out_trade_no/],
    ['an order number with a slash', { out_trade_no: 'ab/cdef' }, /out_trade_no/],
    ['another trade_type', { trade_type: 'JSAPI' as never }, /trade_type/],
  ])('refuses %s naming the field', (_why, change, field) => {
    expect(() => prepareV2Order({ ...order, ...change }, options)).toThrow(field);
  });

  it('refuses a notify URL with a query, a fragment or no scheme', () => {
    for (const notify_url of ['https://a.example/n?x=1', 'https://a.example/n#f', 'a.example/n']) {
      expect(() => prepareV2Order({ ...order, notify_url }, options)).toThrow(
        expect.objectContaining({ code: 'ERR_QQ_INVALID_NOTIFY_URL', field: 'notify_url' }),
      );
    }
    const { notify_url: _, ...bare } = order;
    expect(() =>
      prepareV2Order(bare, { ...options, realNotifyUrl: 'https://x.example/?' }),
    ).toThrow(
      expect.objectContaining({ code: 'ERR_QQ_INVALID_NOTIFY_URL', field: 'real_notify_url' }),
    );
    expect(() =>
      prepareV2Order(order, { ...options, realNotifyUrl: 'https://x.example/n' }),
    ).toThrow(RangeError);
  });
});
