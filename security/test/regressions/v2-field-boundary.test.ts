import { encodeXml, signXml, verifyXml } from '@qqwxpay/codec-v2';
import { verifyV2Notification } from '@qqwxpay/notify-verify';
import { describe, expect, it } from 'vitest';

const key = 'Qs7vT2mX9pL4kW8nR3cY6bH1jF5dZ0aE';
const params = {
  return_code: 'SUCCESS',
  result_code: 'SUCCESS',
  appid: 'wx2421b1c4370ec43b',
  mch_id: '10000100',
  nonce_str: 'abc123',
  out_trade_no: 'T20261204000001',
  total_fee: '9900',
  transaction_id: '4200001234202612041234567890',
};
const sign = /<sign><!\[CDATA\[(\w+)\]\]>/.exec(signXml(params, key))?.[1] as string;

// Sorted, the signed string is appid=…&mch_id=…&nonce_str=…&out_trade_no=…&result_code=…&…
// Moving "&result_code=SUCCESS" into out_trade_no keeps the string, and the signature, the same.
const merged = encodeXml({
  appid: params.appid,
  mch_id: params.mch_id,
  nonce_str: params.nonce_str,
  out_trade_no: `${params.out_trade_no}&result_code=SUCCESS`,
  return_code: 'SUCCESS',
  total_fee: params.total_fee,
  transaction_id: params.transaction_id,
  sign,
});

describe('V2 signatures: a field merged into the one before it is refused', () => {
  it('verifyXml refuses a callback whose field was merged into the one before it', () => {
    expect(() => verifyXml(merged, key)).toThrow(expect.objectContaining({ name: 'V2Error' }));
  });

  it('verifyV2Notification does not turn a paid callback into an unpaid one', () => {
    expect(() => verifyV2Notification({ body: merged }, { key })).toThrow();
  });
});
