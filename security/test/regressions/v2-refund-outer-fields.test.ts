import { encodeXml, encryptRefundInfo } from '@qqwxpay/codec-v2';
import { verifyV2Notification } from '@qqwxpay/notify-verify';
import { describe, expect, it } from 'vitest';

const key = 'Qs7vT2mX9pL4kW8nR3cY6bH1jF5dZ0aE';
const reqInfo = encryptRefundInfo(
  {
    transaction_id: '4200001234202612041234567890',
    out_trade_no: 'T20261204000001',
    refund_id: '50000000382019052709732678859',
    out_refund_no: 'R20261204000001',
    total_fee: 9900,
    refund_fee: 900,
    refund_status: 'SUCCESS',
  },
  key,
);
const outer = (mchId: string) =>
  encodeXml({
    return_code: 'SUCCESS',
    appid: 'wx2421b1c4370ec43b',
    mch_id: mchId,
    nonce_str: 'TeqClE3i0mvn3DrK',
    req_info: reqInfo,
  });

describe('V2 refund callbacks: the unsigned outer fields are neither returned nor checked', () => {
  it('refuses a refund callback whose outer mch_id was changed when mchid is expected', () => {
    expect(() =>
      verifyV2Notification({ body: outer('1999999999') }, { key, expect: { mchid: '1999999999' } }),
    ).toThrow();
  });

  it('hands back only authenticated fields from a refund callback', () => {
    const event = verifyV2Notification({ body: outer('1999999999') }, { key });
    expect((event as { fields?: Record<string, string> }).fields?.mch_id).toBeUndefined();
  });
});
