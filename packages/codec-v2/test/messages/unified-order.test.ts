import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  buildUnifiedOrder,
  type UnifiedOrderParams,
  unifiedOrderSchema,
  verifyXml,
} from '../../src/index.ts';

const KEY = '192006250b4c09247ec02edce69f6a2d';
const order: UnifiedOrderParams = {
  appid: 'wxd930ea5d5a258f4f',
  mch_id: '10000100',
  body: 'QQ 会员充值',
  out_trade_no: 'T20260412001',
  total_fee: 88,
  spbill_create_ip: '203.0.113.7',
  notify_url: 'https://api.q.qq.com/wxpay/notify',
  scene_info: { h5_info: { type: 'Wap', wap_url: 'https://m.example.com', wap_name: 'shop' } },
};

function refusal(params: unknown): string {
  try {
    buildUnifiedOrder(params as UnifiedOrderParams, { key: KEY });
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('buildUnifiedOrder', () => {
  test('signs every field, adds trade_type MWEB and a nonce, writes integers as text', () => {
    const { fields, xml } = buildUnifiedOrder(order, { key: KEY, nonceStr: 'fixedNonce1' });
    const received = verifyXml(xml, KEY);
    expect({ ...received }).toEqual({ ...fields });
    expect(received.trade_type).toBe('MWEB');
    expect(received.nonce_str).toBe('fixedNonce1');
    expect(received.total_fee).toBe('88');
    expect(JSON.parse(received.scene_info as string)).toEqual(order.scene_info);
  });

  test('HMAC-SHA256 writes sign_type so the receiver picks it', () => {
    const { xml } = buildUnifiedOrder(order, { key: KEY, signType: 'HMAC-SHA256' });
    const received = verifyXml(xml, KEY);
    expect(received.sign_type).toBe('HMAC-SHA256');
    expect(received.sign).toHaveLength(64);
  });

  test('keeps a scene_info JSON string exactly as given', () => {
    const text = '{"h5_info": {"type":"IOS","app_name":"王者","bundle_id":"com.x"}}';
    const { fields } = buildUnifiedOrder({ ...order, scene_info: text }, { key: KEY });
    expect(fields.scene_info).toBe(text);
  });

  test('accepts the limits exactly', () => {
    const atLimits = {
      ...order,
      body: `${'中'.repeat(42)}ab`, // 128 bytes
      attach: 'a'.repeat(127),
      out_trade_no: 'a_-|*@',
      nonce_str: 'n'.repeat(32),
      spbill_create_ip: '2001:db8::1',
      total_fee: '1',
    };
    expect(() => buildUnifiedOrder(atLimits, { key: KEY })).not.toThrow();
  });

  test.each([
    ['out_trade_no', { out_trade_no: 'T1234' }],
    ['out_trade_no', { out_trade_no: 'x'.repeat(33) }],
    ['out_trade_no', { out_trade_no: 'T2026#0412' }],
    ['body', { body: '中'.repeat(43) }],
    ['body', { body: '' }],
    ['attach', { attach: 'a'.repeat(128) }],
    ['total_fee', { total_fee: 0 }],
    ['total_fee', { total_fee: 1.1 * 100 }],
    ['total_fee', { total_fee: -1 }],
    ['total_fee', { total_fee: '0088' }],
    ['total_fee', { total_fee: '8.8' }],
    ['notify_url', { notify_url: 'https://example.com/notify?x=1' }],
    ['notify_url', { notify_url: '/notify' }],
    ['notify_url', { notify_url: 'ftp://example.com/n' }],
    ['notify_url', { notify_url: `https://example.com/${'n'.repeat(240)}` }],
    ['spbill_create_ip', { spbill_create_ip: '300.1.1.1' }],
    ['spbill_create_ip', { spbill_create_ip: 'localhost' }],
    ['nonce_str', { nonce_str: 'n'.repeat(33) }],
    ['appid', { appid: '1109876543' }],
    ['trade_type', { trade_type: 'JSAPI' }],
    ['scene_info', { scene_info: 'not json' }],
    ['scene_info', { scene_info: '{"store_info":{}}' }],
    ['scene_info', { scene_info: { h5_info: { type: 'Wap' } } }],
    ['mch_id', { mch_id: undefined }],
    ['totalfee', { totalfee: 1 }],
  ])('refuses a bad %s, naming it', (field, change) => {
    expect(refusal({ ...order, ...change })).toMatch(new RegExp(`^params\\.${field}\\b`));
  });

  test('any out_trade_no of the allowed alphabet and length builds and verifies', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-Za-z_\-|*@]{6,32}$/),
        fc.integer({ min: 1, max: 10 ** 9 }),
        (no, fee) => {
          const { xml } = buildUnifiedOrder(
            { ...order, out_trade_no: no, total_fee: fee },
            { key: KEY },
          );
          const received = verifyXml(xml, KEY);
          expect(received.out_trade_no).toBe(no);
          expect(received.total_fee).toBe(String(fee));
        },
      ),
      { numRuns: 200 },
    );
  });

  test('the schema alone gives the normalised order', () => {
    const parsed = unifiedOrderSchema.parse(order);
    expect(parsed.total_fee).toBe('88');
    expect(parsed.trade_type).toBe('MWEB');
  });

  test('refuses a missing key and a disagreeing algorithm', () => {
    expect(() => buildUnifiedOrder(order, { key: '' })).toThrow(/options\.key/);
    expect(() =>
      buildUnifiedOrder({ ...order, sign_type: 'MD5' }, { key: KEY, signType: 'HMAC-SHA256' }),
    ).toThrow(RangeError);
    expect(() => buildUnifiedOrder(order, { key: KEY, nonceStr: 'bad nonce!' })).toThrow(
      /options\.nonceStr/,
    );
  });
});
