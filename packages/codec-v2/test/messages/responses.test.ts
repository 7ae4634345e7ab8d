import { describe, expect, test } from 'vitest';
import {
  encodeXml,
  encryptRefundInfo,
  parsePaymentNotification,
  parseRefundNotification,
  parseResponse,
  parseUnifiedOrderResponse,
  signXml,
  V2Error,
} from '../../src/index.ts';

const KEY = 'abcdefghijklmnopqrstuvwxyz012345';

function refusal(run: () => unknown): V2Error {
  try {
    run();
  } catch (error) {
    if (error instanceof V2Error) return error;
    throw error;
  }
  throw new Error('accepted');
}

const okResponse = {
  return_code: 'SUCCESS',
  return_msg: 'OK',
  appid: 'wx0000000000000001',
  mch_id: '1230000109',
  nonce_str: 'n1',
  result_code: 'SUCCESS',
  trade_type: 'MWEB',
  prepay_id: 'wx201410272009395522657a690389285100',
  mweb_url: 'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx2016&package=1',
};

describe('parseUnifiedOrderResponse', () => {
  test('a signed SUCCESS gives mweb_url and prepay_id', () => {
    const result = parseUnifiedOrderResponse(signXml(okResponse, KEY), { key: KEY });
    expect(result.mweb_url).toBe(okResponse.mweb_url);
    expect(result.prepay_id).toBe(okResponse.prepay_id);
  });

  test('return_code FAIL carries return_msg and needs no signature', () => {
    const xml = encodeXml({ return_code: 'FAIL', return_msg: '签名错误' });
    const error = refusal(() => parseUnifiedOrderResponse(xml, { key: KEY }));
    expect(error.code).toBe('ERR_V2_RETURN_FAIL');
    expect(error.returnMsg).toBe('签名错误');
  });

  test('result_code FAIL, signed, carries err_code and err_code_des', () => {
    const xml = signXml(
      {
        ...okResponse,
        result_code: 'FAIL',
        err_code: 'ORDERPAID',
        err_code_des: '该订单已支付',
        prepay_id: '',
        mweb_url: '',
      },
      KEY,
    );
    const error = refusal(() => parseUnifiedOrderResponse(xml, { key: KEY }));
    expect(error.code).toBe('ERR_V2_RESULT_FAIL');
    expect(error.errCode).toBe('ORDERPAID');
    expect(error.errCodeDes).toBe('该订单已支付');
  });

  test('result_code FAIL without a valid signature is a signature error first', () => {
    const xml = encodeXml({ ...okResponse, result_code: 'FAIL', err_code: 'X', sign: 'BAD' });
    expect(refusal(() => parseUnifiedOrderResponse(xml, { key: KEY })).code).toBe(
      'ERR_V2_SIGNATURE_MISMATCH',
    );
    const unsigned = encodeXml({ ...okResponse, result_code: 'FAIL' });
    expect(refusal(() => parseUnifiedOrderResponse(unsigned, { key: KEY })).code).toBe(
      'ERR_V2_SIGNATURE_MISSING',
    );
  });

  test('a SUCCESS signed with another key is refused', () => {
    const xml = signXml(okResponse, 'another-key');
    expect(refusal(() => parseUnifiedOrderResponse(xml, { key: KEY })).code).toBe(
      'ERR_V2_SIGNATURE_MISMATCH',
    );
  });

  test('MWEB without mweb_url, or without prepay_id, is ERR_V2_MESSAGE_INVALID', () => {
    const noUrl = signXml({ ...okResponse, mweb_url: undefined }, KEY);
    const error = refusal(() => parseUnifiedOrderResponse(noUrl, { key: KEY }));
    expect(error.code).toBe('ERR_V2_MESSAGE_INVALID');
    expect(error.field).toBe('mweb_url');
    const noPrepay = signXml({ ...okResponse, prepay_id: undefined }, KEY);
    expect(refusal(() => parseUnifiedOrderResponse(noPrepay, { key: KEY })).field).toBe(
      'prepay_id',
    );
  });

  test('a response without return_code is ERR_V2_MESSAGE_INVALID', () => {
    expect(refusal(() => parseResponse('<xml><a>1</a></xml>', { key: KEY })).code).toBe(
      'ERR_V2_MESSAGE_INVALID',
    );
  });
});

const notification = {
  return_code: 'SUCCESS',
  appid: 'wx0000000000000001',
  mch_id: '1230000109',
  nonce_str: 'n1',
  result_code: 'SUCCESS',
  openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
  trade_type: 'MWEB',
  bank_type: 'CMC',
  total_fee: '100',
  cash_fee: '90',
  coupon_count: '1',
  coupon_fee_0: '10',
  coupon_id_0: 'C1',
  transaction_id: '4200001234202612041234567890',
  out_trade_no: '0000042',
  time_end: '20260412135056',
};

describe('parsePaymentNotification', () => {
  test('a signed notification gives every field, indexed ones included', () => {
    const paid = parsePaymentNotification(signXml(notification, KEY), { key: KEY });
    expect(paid.out_trade_no).toBe('0000042');
    expect(paid.coupon_fee_0).toBe('10');
    expect(paid.transaction_id).toBe(notification.transaction_id);
  });

  test('a signed FAIL result is returned, not thrown', () => {
    const failed = {
      ...notification,
      result_code: 'FAIL',
      transaction_id: undefined,
      time_end: undefined,
    };
    expect(parsePaymentNotification(signXml(failed, KEY), { key: KEY }).result_code).toBe('FAIL');
  });

  test('a SUCCESS without transaction_id is ERR_V2_MESSAGE_INVALID', () => {
    const xml = signXml({ ...notification, transaction_id: undefined }, KEY);
    const error = refusal(() => parsePaymentNotification(xml, { key: KEY }));
    expect(error.code).toBe('ERR_V2_MESSAGE_INVALID');
    expect(error.field).toBe('transaction_id');
  });

  test('an amount that is not digits is ERR_V2_MESSAGE_INVALID', () => {
    const xml = signXml({ ...notification, total_fee: '1.00' }, KEY);
    expect(refusal(() => parsePaymentNotification(xml, { key: KEY })).field).toBe('total_fee');
  });

  test('an unsigned or forged notification is refused', () => {
    expect(
      refusal(() => parsePaymentNotification(encodeXml(notification), { key: KEY })).code,
    ).toBe('ERR_V2_SIGNATURE_MISSING');
    const forged = signXml(notification, KEY).replace('<![CDATA[100]]>', '<![CDATA[1]]>');
    expect(refusal(() => parsePaymentNotification(forged, { key: KEY })).code).toBe(
      'ERR_V2_SIGNATURE_MISMATCH',
    );
  });

  test('a FAIL return_code is ERR_V2_RETURN_FAIL', () => {
    const xml = encodeXml({ return_code: 'FAIL', return_msg: 'x' });
    expect(refusal(() => parsePaymentNotification(xml, { key: KEY })).code).toBe(
      'ERR_V2_RETURN_FAIL',
    );
  });
});

describe('parseRefundNotification', () => {
  const refund = {
    transaction_id: '4200001234202612041234567890',
    out_trade_no: '0000042',
    refund_id: '50000000382019052709732678859',
    out_refund_no: 'R20260412001',
    total_fee: '100',
    refund_fee: '100',
    settlement_refund_fee: '100',
    refund_status: 'SUCCESS',
    success_time: '2026-04-12 13:50:56',
    refund_recv_accout: '支付用户零钱',
  };
  const body = (reqInfo: string) =>
    encodeXml({
      return_code: 'SUCCESS',
      appid: 'wx0000000000000001',
      mch_id: '1230000109',
      nonce_str: 'n1',
      req_info: reqInfo,
    });

  test('decrypts and checks req_info', () => {
    const parsed = parseRefundNotification(body(encryptRefundInfo(refund, KEY)), { key: KEY });
    expect({ ...parsed.refund }).toEqual(refund);
    expect(parsed.fields.mch_id).toBe('1230000109');
  });

  test('req_info under another key is ERR_V2_DECRYPT_FAILED', () => {
    const xml = body(encryptRefundInfo(refund, 'another-key'));
    expect(refusal(() => parseRefundNotification(xml, { key: KEY })).code).toBe(
      'ERR_V2_DECRYPT_FAILED',
    );
  });

  test('a refund_status WeChat does not send is ERR_V2_MESSAGE_INVALID', () => {
    const xml = body(encryptRefundInfo({ ...refund, refund_status: 'DONE' }, KEY));
    expect(refusal(() => parseRefundNotification(xml, { key: KEY })).field).toBe('refund_status');
  });

  test('a body without req_info is ERR_V2_MESSAGE_INVALID', () => {
    const xml = encodeXml({ return_code: 'SUCCESS', appid: 'wx1', mch_id: '1', nonce_str: 'n' });
    expect(refusal(() => parseRefundNotification(xml, { key: KEY })).field).toBe('req_info');
  });
});
