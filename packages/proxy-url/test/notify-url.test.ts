import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notifyUrlV2, notifyUrlV3, parseNotifyUrl, QqProxyError } from '../src/index.ts';

describe('notify URLs', () => {
  it('gives the fixed V2 notify URL', () => {
    expect(notifyUrlV2()).toBe('https://api.q.qq.com/wxpay/notify');
    expect(parseNotifyUrl('https://api.q.qq.com/wxpay/notify')).toEqual({ version: 'v2' });
  });

  it.each([
    ['direct: mchid + out_trade_no', '1230000109', '1217752501201407033233368018'],
    ['partner: sp_mchid + out_trade_no', '1900000100', 'H5-20261204-0001'],
    ['combine: combine_mchid + combine_out_trade_no', '1900000109', 'P20150806125346'],
  ])('gives the V3 notify URL in %s', (_mode, mchid, outTradeNo) => {
    const url = notifyUrlV3(mchid, outTradeNo);
    expect(url).toBe(`https://api.q.qq.com/wxpay/v3/notify/${mchid}/${outTradeNo}`);
    expect(parseNotifyUrl(url)).toEqual({ version: 'v3', mchid, outTradeNo });
  });

  it('keeps leading zeros (contract sample)', () => {
    expect(notifyUrlV3('1230000109', '0000042')).toBe(
      'https://api.q.qq.com/wxpay/v3/notify/1230000109/0000042',
    );
  });

  it('encodes | in an order number as a path segment and leaves * as it is', () => {
    expect(notifyUrlV3('1230000109', 'A|B*C_D-E@F')).toBe(
      'https://api.q.qq.com/wxpay/v3/notify/1230000109/A%7CB*C_D-E%40F',
    );
    expect(
      parseNotifyUrl('https://api.q.qq.com/wxpay/v3/notify/1230000109/A%7CB*C_D-E%40F'),
    ).toEqual({
      version: 'v3',
      mchid: '1230000109',
      outTradeNo: 'A|B*C_D-E@F',
    });
  });

  it.each([
    ['a slash', '1230000109', 'a/b'],
    ['a space', '1230000109', 'a b'],
    ['33 characters', '1230000109', 'x'.repeat(33)],
    ['an empty order number', '1230000109', ''],
    ['a non-digit mchid', 'wx123', 'A1'],
  ])('refuses ids with %s', (_why, mchid, outTradeNo) => {
    expect(() => notifyUrlV3(mchid, outTradeNo)).toThrow(RangeError);
  });

  it.each([
    'https://api.q.qq.com/wxpay/notify/',
    'https://api.q.qq.com/wxpay/v3/notify/1230000109',
    'https://api.q.qq.com/wxpay/v3/notify/1230000109/A1/extra',
    'https://api.q.qq.com/wxpay/v3/notify/wx/A1',
    'https://shop.example.com/wxpay/v3/notify/1230000109/A1',
    'https://api.q.qq.com/wxpay/v3/notify/1230000109/%E0%A4',
  ])('refuses %s as a QQ notify URL', (url) => {
    expect(() => parseNotifyUrl(url)).toThrow(QqProxyError);
    expect(() => parseNotifyUrl(url)).toThrow(
      expect.objectContaining({ code: 'ERR_QQ_INVALID_NOTIFY_URL', field: 'notify_url' }),
    );
  });

  it('property: parseNotifyUrl(notifyUrlV3(mchid, no)) gives back the ids, and the URL has no query', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{1,32}$/),
        fc.stringMatching(/^[0-9A-Za-z_\-|*@]{1,32}$/),
        (mchid, outTradeNo) => {
          const url = notifyUrlV3(mchid, outTradeNo);
          expect(url.startsWith('https://api.q.qq.com/wxpay/v3/notify/')).toBe(true);
          expect(url).not.toMatch(/[?#|]/);
          expect(parseNotifyUrl(url)).toEqual({ version: 'v3', mchid, outTradeNo });
        },
      ),
      { numRuns: 300 },
    );
  });
});
