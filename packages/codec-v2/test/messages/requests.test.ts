import { describe, expect, test } from 'vitest';
import {
  buildCloseOrder,
  buildOrderQuery,
  buildRefund,
  buildRefundQuery,
  V2_ENDPOINTS,
  verifyXml,
} from '../../src/index.ts';

const KEY = 'abcdefghijklmnopqrstuvwxyz012345';
const base = { appid: 'wx0000000000000001', mch_id: '1230000109' };

describe('request builders', () => {
  test.each([
    [
      'order query',
      () => buildOrderQuery({ ...base, out_trade_no: '0000042' }, { key: KEY }),
      V2_ENDPOINTS.orderQuery,
    ],
    [
      'close order',
      () => buildCloseOrder({ ...base, out_trade_no: '0000042' }, { key: KEY }),
      V2_ENDPOINTS.closeOrder,
    ],
    [
      'refund',
      () =>
        buildRefund(
          {
            ...base,
            transaction_id: '4200001234202612041234567890',
            out_refund_no: 'R1',
            total_fee: 100,
            refund_fee: '40',
          },
          { key: KEY },
        ),
      V2_ENDPOINTS.refund,
    ],
    [
      'refund query',
      () => buildRefundQuery({ ...base, out_refund_no: 'R1', offset: 0 }, { key: KEY }),
      V2_ENDPOINTS.refundQuery,
    ],
  ])('%s: a signed XML POST to WeChat Pay', (_, build, url) => {
    const request = build();
    expect(request.method).toBe('POST');
    expect(request.url).toBe(url);
    expect(url.startsWith('https://api.mch.weixin.qq.com/')).toBe(true);
    expect(request.headers['Content-Type']).toBe('text/xml; charset=utf-8');
    const fields = verifyXml(request.body, KEY);
    expect(fields.appid).toBe(base.appid);
    expect(fields.nonce_str).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  test('refund writes amounts as text and refuses refund_fee above total_fee', () => {
    const request = buildRefund(
      { ...base, out_trade_no: '0000042', out_refund_no: 'R1', total_fee: 100, refund_fee: 100 },
      { key: KEY, signType: 'HMAC-SHA256' },
    );
    const fields = verifyXml(request.body, KEY);
    expect([fields.total_fee, fields.refund_fee, fields.sign_type]).toEqual([
      '100',
      '100',
      'HMAC-SHA256',
    ]);
    expect(() =>
      buildRefund(
        { ...base, out_trade_no: '0000042', out_refund_no: 'R1', total_fee: 100, refund_fee: 101 },
        { key: KEY },
      ),
    ).toThrow(/params\.refund_fee/);
  });

  test('each builder needs an id, named in the TypeError', () => {
    expect(() => buildOrderQuery(base, { key: KEY })).toThrow(/params\.out_trade_no: needs/);
    expect(() => buildCloseOrder(base as never, { key: KEY })).toThrow(/params\.out_trade_no/);
    expect(() => buildRefundQuery(base, { key: KEY })).toThrow(/params\.out_refund_no: needs/);
    expect(() =>
      buildRefund({ ...base, out_refund_no: 'R1', total_fee: 1, refund_fee: 1 }, { key: KEY }),
    ).toThrow(TypeError);
  });

  test('refuses a QQ appid where WeChat appid belongs', () => {
    expect(() =>
      buildOrderQuery({ ...base, appid: '1109876543', out_trade_no: '0000042' }, { key: KEY }),
    ).toThrow(/params\.appid/);
  });
});
