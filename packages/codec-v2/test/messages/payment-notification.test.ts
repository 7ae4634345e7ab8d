import { describe, expect, test } from 'vitest';
import { encodeXml, parsePaymentNotification, signXml } from '../../src/index.ts';
import { refusal } from '../support/codes.ts';

const KEY = 'abcdefghijklmnopqrstuvwxyz012345';

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
