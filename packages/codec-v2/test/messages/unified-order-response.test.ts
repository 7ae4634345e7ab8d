import { describe, expect, test } from 'vitest';
import { encodeXml, parseResponse, parseUnifiedOrderResponse, signXml } from '../../src/index.ts';
import { refusal } from '../support/codes.ts';

const KEY = 'abcdefghijklmnopqrstuvwxyz012345';

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
    const xml = signXml(okResponse, 'another-key-of-32-characters-xyz');
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
