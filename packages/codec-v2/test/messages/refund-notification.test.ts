import { describe, expect, test } from 'vitest';
import { encodeXml, encryptRefundInfo, parseRefundNotification } from '../../src/index.ts';
import { refusal } from '../support/codes.ts';

const KEY = 'abcdefghijklmnopqrstuvwxyz012345';

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
    const xml = body(encryptRefundInfo(refund, 'another-key-of-32-characters-xyz'));
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
