import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  h5CombineOrderSchema,
  h5DirectOrderSchema,
  h5PartnerOrderSchema,
} from '../../src/index.ts';

const scene = { payer_client_ip: '14.23.150.211', h5_info: { type: 'Wap' } };
const directOrder = {
  appid: 'wxd678efh567hg6787',
  mchid: '1230000109',
  description: 'Image形象店-深圳腾大-QQ公仔',
  out_trade_no: '1217752501201407033233368018',
  time_expire: '2018-06-08T10:34:56+08:00',
  attach: '自定义数据说明',
  notify_url: 'https://www.weixin.qq.com/wxpay/pay.php',
  amount: { total: 100, currency: 'CNY' },
  scene_info: scene,
};

function issuePath(schema: typeof h5DirectOrderSchema, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.path.join('.');
}

describe('h5DirectOrderSchema', () => {
  it('accepts WeChat Pay documentation example and keeps unknown fields', () => {
    const parsed = h5DirectOrderSchema.parse({ ...directOrder, future_field: { x: 1 } });
    expect(parsed.future_field).toEqual({ x: 1 });
    expect((parsed.scene_info.h5_info as Record<string, unknown>).type).toBe('Wap');
  });

  it.each([
    ['amount.total', { amount: { total: 0 } }],
    ['amount.total', { amount: { total: 1.5 } }],
    ['amount.total', { amount: { total: 2 ** 53 } }],
    ['amount.total', { amount: { total: '100' } }],
    ['amount.currency', { amount: { total: 1, currency: 'USD' } }],
    ['out_trade_no', { out_trade_no: '12345' }],
    ['out_trade_no', { out_trade_no: 'x'.repeat(33) }],
    ['out_trade_no', { out_trade_no: 'ABC@1234' }],
    ['description', { description: '中'.repeat(43) }],
    ['description', { description: '' }],
    ['attach', { attach: '中'.repeat(43) }],
    ['time_expire', { time_expire: '2018-06-08T10:34:56' }],
    ['time_expire', { time_expire: '2018-06-08 10:34:56+08:00' }],
    ['time_expire', { time_expire: '2018-02-31T10:34:56+08:00x' }],
    ['notify_url', { notify_url: 'http://shop.test/cb' }],
    ['notify_url', { notify_url: 'https://shop.test/cb?a=1' }],
    ['notify_url', { notify_url: `https://shop.test/${'a'.repeat(240)}` }],
    ['appid', { appid: '1112223334' }],
    ['mchid', { mchid: 'abc' }],
    ['scene_info.payer_client_ip', { scene_info: { ...scene, payer_client_ip: '999.1.1.1' } }],
    ['scene_info.h5_info.type', { scene_info: { ...scene, h5_info: { type: 'wap' } } }],
  ])('refuses %s in %j', (path, change) => {
    expect(issuePath(h5DirectOrderSchema, { ...directOrder, ...change })).toBe(path);
  });

  it('counts description and attach in UTF-8 bytes at the limits', () => {
    expect(
      issuePath(h5DirectOrderSchema, { ...directOrder, description: `${'中'.repeat(42)}a` }),
    ).toBeUndefined();
    expect(
      issuePath(h5DirectOrderSchema, { ...directOrder, description: `${'中'.repeat(42)}ab` }),
    ).toBe('description');
    expect(
      issuePath(h5DirectOrderSchema, { ...directOrder, attach: `${'中'.repeat(42)}ab` }),
    ).toBeUndefined();
    expect(
      issuePath(h5DirectOrderSchema, { ...directOrder, attach: `${'中'.repeat(42)}abc` }),
    ).toBe('attach');
  });

  it('accepts IPv6 payers, iOS and Android clients, and a 255-character notify_url', () => {
    for (const type of ['iOS', 'Android']) {
      const order = {
        ...directOrder,
        scene_info: { payer_client_ip: '2001:db8::1', h5_info: { type } },
      };
      expect(issuePath(h5DirectOrderSchema, order)).toBeUndefined();
    }
    const url = `https://shop.test/${'a'.repeat(255 - 'https://shop.test/'.length)}`;
    expect(issuePath(h5DirectOrderSchema, { ...directOrder, notify_url: url })).toBeUndefined();
  });

  it('property: any out_trade_no of 6-32 allowed characters passes, anything else does not', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-Za-z_\-|*]{6,32}$/),
        (no) => issuePath(h5DirectOrderSchema, { ...directOrder, out_trade_no: no }) === undefined,
      ),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).filter((s) => !/^[0-9A-Za-z_\-|*]{6,32}$/.test(s)),
        (no) =>
          issuePath(h5DirectOrderSchema, { ...directOrder, out_trade_no: no }) === 'out_trade_no',
      ),
      { numRuns: 100 },
    );
  });
});

describe('h5PartnerOrderSchema', () => {
  it('takes sp_appid, sp_mchid and sub_mchid', () => {
    const { appid: _a, mchid: _m, ...rest } = directOrder;
    const order = {
      ...rest,
      sp_appid: 'wx8888888888888888',
      sp_mchid: '1230000109',
      sub_mchid: '1900000109',
    };
    expect(h5PartnerOrderSchema.safeParse(order).success).toBe(true);
    expect(h5PartnerOrderSchema.safeParse({ ...order, sub_mchid: undefined }).success).toBe(false);
  });
});

describe('h5CombineOrderSchema', () => {
  const sub = (n: number) => ({
    mchid: '1900000109',
    attach: '深圳分店',
    amount: { total_amount: 10, currency: 'CNY' },
    out_trade_no: `20150806125346${n}`,
    description: '腾讯充值中心-QQ会员充值',
  });
  const combine = {
    combine_appid: 'wxd678efh567hg6787',
    combine_mchid: '1900000109',
    combine_out_trade_no: 'P20150806125346',
    scene_info: scene,
    sub_orders: [sub(1), sub(2)],
    notify_url: 'https://yourapp.com/notify',
  };

  it('accepts 2 to 50 sub-orders', () => {
    expect(h5CombineOrderSchema.safeParse(combine).success).toBe(true);
    const fifty = Array.from({ length: 50 }, (_, i) => sub(i));
    expect(h5CombineOrderSchema.safeParse({ ...combine, sub_orders: fifty }).success).toBe(true);
  });

  it.each([
    ['sub_orders', { sub_orders: [sub(1)] }],
    ['sub_orders', { sub_orders: Array.from({ length: 51 }, (_, i) => sub(i)) }],
    [
      'sub_orders.1.amount.total_amount',
      { sub_orders: [sub(1), { ...sub(2), amount: { total_amount: 0 } }] },
    ],
    ['combine_out_trade_no', { combine_out_trade_no: 'P1' }],
  ])('refuses %s', (path, change) => {
    const result = h5CombineOrderSchema.safeParse({ ...combine, ...change });
    expect(result.success ? undefined : result.error.issues[0]?.path.join('.')).toBe(path);
  });
});
