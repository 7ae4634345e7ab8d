import { describe, expect, it } from 'vitest';
import {
  callbackEnvelopeSchema,
  combineTransactionSchema,
  errorBodySchema,
  h5ResponseSchema,
  refundResourceSchema,
  transactionSchema,
} from '../../src/index.ts';

describe('received message schemas keep unknown fields', () => {
  it('h5 response', () => {
    const parsed = h5ResponseSchema.parse({
      h5_url: 'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1',
      extra: 1,
    });
    expect(parsed.extra).toBe(1);
    expect(h5ResponseSchema.safeParse({ h5_url: 'http://x' }).success).toBe(false);
  });

  it('error body', () => {
    const parsed = errorBodySchema.parse({
      code: 'PARAM_ERROR',
      message: '参数错误',
      detail: { field: '/amount' },
    });
    expect(parsed.detail).toEqual({ field: '/amount' });
    expect(errorBodySchema.safeParse({ message: 'x' }).success).toBe(false);
  });

  it('callback envelope', () => {
    const envelope = {
      id: 'EV-2018022511223320873',
      create_time: '2015-05-20T13:29:35+08:00',
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: {
        original_type: 'transaction',
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: 'AAAA',
        associated_data: '',
        nonce: 'fdasflkja484',
      },
      new_field: true,
    };
    expect(callbackEnvelopeSchema.parse(envelope).new_field).toBe(true);
    expect(callbackEnvelopeSchema.safeParse({ ...envelope, resource: undefined }).success).toBe(
      false,
    );
  });

  it('transaction, with amounts as safe integers', () => {
    const tx = {
      appid: 'wxd678efh567hg6787',
      mchid: '1230000109',
      out_trade_no: '1217752501201407033233368018',
      transaction_id: '1217752501201407033233368018',
      trade_type: 'MWEB',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      bank_type: 'CMC',
      attach: '',
      success_time: '2018-06-08T10:34:56+08:00',
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
      amount: { total: 100, payer_total: 100, currency: 'CNY', payer_currency: 'CNY' },
      promotion_detail: [{ coupon_id: '109519' }],
    };
    expect(transactionSchema.parse(tx).promotion_detail).toEqual([{ coupon_id: '109519' }]);
    expect(transactionSchema.safeParse({ ...tx, amount: { total: 1.5 } }).success).toBe(false);
  });

  it('combine transaction', () => {
    const combine = {
      combine_appid: 'wxd678efh567hg6787',
      combine_mchid: '1900000109',
      combine_out_trade_no: 'P20150806125346',
      sub_orders: [
        {
          mchid: '1900000109',
          trade_state: 'SUCCESS',
          out_trade_no: '20150806125346',
          amount: { total_amount: 10, payer_amount: 10, currency: 'CNY' },
        },
      ],
    };
    expect(combineTransactionSchema.safeParse(combine).success).toBe(true);
    expect(combineTransactionSchema.safeParse({ ...combine, sub_orders: [{}] }).success).toBe(
      false,
    );
  });

  it('refund resource', () => {
    const refund = {
      mchid: '1900000100',
      transaction_id: '1008450740201411110005820873',
      out_trade_no: '20150806125346',
      refund_id: '50200207182018070300011301001',
      out_refund_no: '7752501201407033233368018',
      refund_status: 'SUCCESS',
      success_time: '2018-06-08T10:34:56+08:00',
      user_received_account: '招商银行信用卡0403',
      amount: { total: 999, refund: 999, payer_total: 999, payer_refund: 999 },
    };
    expect(refundResourceSchema.safeParse(refund).success).toBe(true);
    expect(refundResourceSchema.safeParse({ ...refund, amount: { total: 999 } }).success).toBe(
      false,
    );
  });
});
