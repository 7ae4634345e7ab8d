import { describe, expect, it } from 'vitest';
import {
  certificatesRequest,
  closeOrder,
  combineClose,
  combineQuery,
  createRequestSigner,
  h5CombineOrder,
  h5DirectOrder,
  h5PartnerOrder,
  loadPrivateKey,
  queryByOutTradeNo,
  queryByTransactionId,
  refund,
  refundQuery,
  requestMessage,
} from '../../src/index.ts';
import { fixture } from '../support/fixtures.ts';

const scene = { payer_client_ip: '127.0.0.1', h5_info: { type: 'Wap' as const } };
const direct = {
  appid: 'wxd678efh567hg6787',
  mchid: '1230000109',
  description: '测试商品',
  out_trade_no: 'ORDER_000042',
  notify_url: 'https://api.q.qq.com/wxpay/v3/notify/1230000109/ORDER_000042',
  amount: { total: 88, currency: 'CNY' as const },
  scene_info: scene,
};

describe('request builders', () => {
  it('h5DirectOrder posts the checked body, serialised once, to WeChat Pay path', () => {
    const request = h5DirectOrder({ ...direct, extra_field: 'kept' });
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://api.mch.weixin.qq.com/v3/pay/transactions/h5');
    expect(JSON.parse(request.body)).toEqual({ ...direct, extra_field: 'kept' });
    expect(request.headers['Content-Type']).toBe('application/json');
  });

  it('h5DirectOrder names the field that violates the schema', () => {
    expect(() => h5DirectOrder({ ...direct, amount: { total: 0 } })).toThrow(
      /^body\.amount\.total:/,
    );
    expect(() => h5DirectOrder({ ...direct, appid: '1112223334' })).toThrow(
      /^body\.appid: must be a WeChat appid/,
    );
  });

  it('h5PartnerOrder and h5CombineOrder use their own paths', () => {
    const { appid: _a, mchid: _m, ...rest } = direct;
    expect(
      h5PartnerOrder({
        ...rest,
        sp_appid: direct.appid,
        sp_mchid: '1230000109',
        sub_mchid: '1900000109',
      }).url,
    ).toBe('https://api.mch.weixin.qq.com/v3/pay/partner/transactions/h5');
    const sub = (no: string) => ({
      mchid: '1230000109',
      amount: { total_amount: 1, currency: 'CNY' as const },
      out_trade_no: no,
      description: 'x',
    });
    const combine = h5CombineOrder({
      combine_appid: direct.appid,
      combine_mchid: '1230000109',
      combine_out_trade_no: 'COMBINE_01',
      scene_info: scene,
      sub_orders: [sub('SUB_000001'), sub('SUB_000002')],
      notify_url: direct.notify_url,
    });
    expect(combine.url).toBe('https://api.mch.weixin.qq.com/v3/combine-transactions/h5');
  });

  it('queries carry mchid (or sp_mchid and sub_mchid) in the query string', () => {
    expect(queryByOutTradeNo({ outTradeNo: 'ORDER_000042', mchid: '1230000109' }).url).toBe(
      'https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/ORDER_000042?mchid=1230000109',
    );
    expect(
      queryByOutTradeNo({
        outTradeNo: 'ORDER|0042*',
        spMchid: '1230000109',
        subMchid: '1900000109',
      }).url,
    ).toBe(
      'https://api.mch.weixin.qq.com/v3/pay/partner/transactions/out-trade-no/ORDER%7C0042*?sp_mchid=1230000109&sub_mchid=1900000109',
    );
    expect(
      queryByTransactionId({ transactionId: '4200000000202612040000000000', mchid: '1230000109' })
        .url,
    ).toBe(
      'https://api.mch.weixin.qq.com/v3/pay/transactions/id/4200000000202612040000000000?mchid=1230000109',
    );
    expect(() => queryByOutTradeNo({ outTradeNo: '../x', mchid: '1230000109' })).toThrow(TypeError);
    expect(() => queryByOutTradeNo({ outTradeNo: 'ORDER_000042' } as never)).toThrow(TypeError);
  });

  it('the signed URL of a query includes its query string', () => {
    const signer = createRequestSigner({
      mchid: '1230000109',
      serial: 'ABC',
      privateKey: loadPrivateKey(fixture('merchant_key.pem')),
    });
    const signed = signer.sign(
      queryByOutTradeNo({ outTradeNo: 'ORDER_000042', mchid: '1230000109' }),
      { timestamp: 1, nonce: 'N' },
    );
    expect(signed.headers.Authorization).toMatch(/^WECHATPAY2-SHA256-RSA2048 /);
    expect(requestMessage(signed.method, signed.url, 1, 'N', signed.body)).toBe(
      'GET\n/v3/pay/transactions/out-trade-no/ORDER_000042?mchid=1230000109\n1\nN\n\n',
    );
  });

  it('closeOrder posts the merchant to …/close', () => {
    const request = closeOrder({ outTradeNo: 'ORDER_000042', mchid: '1230000109' });
    expect(request.url).toBe(
      'https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/ORDER_000042/close',
    );
    expect(request.body).toBe('{"mchid":"1230000109"}');
    expect(closeOrder({ outTradeNo: 'ORDER_000042', spMchid: '1', subMchid: '2' }).body).toBe(
      '{"sp_mchid":"1","sub_mchid":"2"}',
    );
  });

  it('refund and refundQuery', () => {
    const request = refund({
      out_trade_no: 'ORDER_000042',
      out_refund_no: 'R1',
      amount: { refund: 88, total: 88, currency: 'CNY' },
    });
    expect(request.url).toBe('https://api.mch.weixin.qq.com/v3/refund/domestic/refunds');
    expect(JSON.parse(request.body).amount).toEqual({ refund: 88, total: 88, currency: 'CNY' });
    expect(() =>
      refund({ out_refund_no: 'R1', amount: { refund: 1, total: 1, currency: 'CNY' } }),
    ).toThrow(/out_trade_no: exactly one/);
    expect(() =>
      refund({
        out_trade_no: 'ORDER_000042',
        out_refund_no: 'R1',
        amount: { refund: 2, total: 1, currency: 'CNY' },
      }),
    ).toThrow(/amount\.refund/);
    expect(refundQuery('R1').url).toBe(
      'https://api.mch.weixin.qq.com/v3/refund/domestic/refunds/R1',
    );
    expect(refundQuery('R1', { subMchid: '1900000109' }).url).toBe(
      'https://api.mch.weixin.qq.com/v3/refund/domestic/refunds/R1?sub_mchid=1900000109',
    );
  });

  it('combine query and close', () => {
    expect(combineQuery('COMBINE_01').url).toBe(
      'https://api.mch.weixin.qq.com/v3/combine-transactions/out-trade-no/COMBINE_01',
    );
    const close = combineClose('COMBINE_01', {
      combine_appid: direct.appid,
      sub_orders: [
        { mchid: '1230000109', out_trade_no: 'SUB_000001' },
        { mchid: '1230000109', out_trade_no: 'SUB_000002' },
      ],
    });
    expect(close.url).toBe(
      'https://api.mch.weixin.qq.com/v3/combine-transactions/out-trade-no/COMBINE_01/close',
    );
    expect(close.method).toBe('POST');
  });

  it('certificatesRequest and a loopback baseUrl', () => {
    expect(certificatesRequest()).toEqual({
      method: 'GET',
      url: 'https://api.mch.weixin.qq.com/v3/certificates',
      headers: { Accept: 'application/json' },
      body: '',
    });
    expect(certificatesRequest({ baseUrl: 'http://127.0.0.1:9000' }).url).toBe(
      'http://127.0.0.1:9000/v3/certificates',
    );
    expect(() => certificatesRequest({ baseUrl: 'http://127.0.0.1:9000/x' })).toThrow(TypeError);
  });
});
