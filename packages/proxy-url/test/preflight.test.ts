import { signXml } from '@qqwxpay/codec-v2';
import { describe, expect, it } from 'vitest';
import {
  buildProxyUrl,
  type HttpRequest,
  notifyUrlV3,
  type ProxyApi,
  preflight,
  QQ_NOTIFY_URL_V2,
} from '../src/index.ts';
import { errorText, leakedPiece } from './fixtures.ts';

const qqAppId = '1112223334';
const key = '192006250b4c09247ec02edce69f6a2d';

function v2Request(fields: Record<string, string>, body?: string): HttpRequest {
  const params = {
    appid: 'wx2421b1c4370ec43b',
    mch_id: '10000100',
    body: 'VIP',
    out_trade_no: 'T20261204001',
    total_fee: '88',
    spbill_create_ip: '203.0.113.7',
    trade_type: 'MWEB',
    nonce_str: 'ibuaiVcKdpRxkhJA',
    notify_url: QQ_NOTIFY_URL_V2,
    ...fields,
  };
  return {
    method: 'POST',
    url: buildProxyUrl({ api: 'v2-unifiedorder', qqAppId, accessToken: 'T' }),
    headers: { 'Content-Type': 'text/xml; charset=utf-8' },
    body: body ?? signXml(params, key),
  };
}

const V3_BODIES: Record<Exclude<ProxyApi, 'v2-unifiedorder'>, Record<string, unknown>> = {
  'v3-h5': {
    appid: 'wxd678efh567hg6787',
    mchid: '1230000109',
    out_trade_no: '1217752501201407033233368018',
    notify_url: notifyUrlV3('1230000109', '1217752501201407033233368018'),
  },
  'v3-partner-h5': {
    sp_appid: 'wx8888888888888888',
    sp_mchid: '1900000100',
    sub_appid: 'wxd678efh567hg6999',
    sub_mchid: '1900000109',
    out_trade_no: 'P|1217752501',
    notify_url: notifyUrlV3('1900000100', 'P|1217752501'),
  },
  'v3-combine-h5': {
    combine_appid: 'wxd678efh567hg6787',
    combine_mchid: '1900000109',
    combine_out_trade_no: 'P20150806125346',
    sub_orders: [{ mchid: '1900000101', out_trade_no: '20150806125346' }],
    notify_url: notifyUrlV3('1900000109', 'P20150806125346'),
  },
};

function v3Request(
  api: Exclude<ProxyApi, 'v2-unifiedorder'>,
  change: Record<string, unknown> = {},
  headerMchid?: string,
): HttpRequest {
  const body = { ...V3_BODIES[api], ...change };
  const merchant = String(body.mchid ?? body.sp_mchid ?? body.combine_mchid);
  return {
    method: 'POST',
    url: buildProxyUrl({ api, qqAppId, accessToken: 'T' }),
    headers: {
      authorization: `WECHATPAY2-SHA256-RSA2048 mchid="${headerMchid ?? merchant}",nonce_str="n",timestamp="1",serial_no="S",signature="x"`,
    },
    body: JSON.stringify(body),
  };
}

function codeOf(fn: () => void): { code?: string; errcode?: number; field?: string } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string };
  }
  return {};
}

describe('preflight', () => {
  it('passes well-formed orders of every kind', () => {
    expect(() => preflight(v2Request({}))).not.toThrow();
    for (const api of ['v3-h5', 'v3-partner-h5', 'v3-combine-h5'] as const) {
      expect(() => preflight(v3Request(api), { signerMchid: undefined })).not.toThrow();
    }
  });

  it.each([
    ['V2 appid', () => v2Request({ appid: '1112223334' }), 'appid'],
    ['V2 sub_appid', () => v2Request({ sub_appid: '1000000001' }), 'sub_appid'],
    ['V3 direct appid', () => v3Request('v3-h5', { appid: qqAppId }), 'appid'],
    ['V3 partner sp_appid', () => v3Request('v3-partner-h5', { sp_appid: '99' }), 'sp_appid'],
    ['V3 partner sub_appid', () => v3Request('v3-partner-h5', { sub_appid: '99' }), 'sub_appid'],
    ['V3 combine_appid', () => v3Request('v3-combine-h5', { combine_appid: '1' }), 'combine_appid'],
  ])('refuses a QQ appid in the %s', (_where, request, field) => {
    expect(codeOf(() => preflight(request()))).toMatchObject({
      code: 'ERR_QQ_PREFLIGHT_APPID',
      field,
    });
  });

  it.each([
    [
      "V2 with the merchant's own URL",
      () => v2Request({ notify_url: 'https://shop.example.com/n' }),
    ],
    [
      'V2 with the V3 pattern',
      () => v2Request({ notify_url: notifyUrlV3('10000100', 'T20261204001') }),
    ],
    ['V3 direct, another order number', () => v3Request('v3-h5', { out_trade_no: 'OTHER1' })],
    ['V3 direct, no notify_url', () => v3Request('v3-h5', { notify_url: undefined })],
    [
      'V3 partner naming sub_mchid',
      () => v3Request('v3-partner-h5', { notify_url: notifyUrlV3('1900000109', 'P|1217752501') }),
    ],
    [
      "V3 combine naming a sub-order's ids",
      () => v3Request('v3-combine-h5', { notify_url: notifyUrlV3('1900000101', '20150806125346') }),
    ],
    ['V3 direct without mchid', () => v3Request('v3-h5', { mchid: undefined })],
  ])('refuses a notify_url QQ would answer 9031 to: %s', (_why, request) => {
    expect(codeOf(() => preflight(request()))).toMatchObject({
      code: 'ERR_QQ_PREFLIGHT_NOTIFY_URL',
      errcode: 9031,
    });
  });

  it.each([
    ['V2 under another root', () => v2Request({}, '<root><appid>wx1</appid></root>')],
    ['V2 as JSON', () => v2Request({}, '{"appid":"wx2421b1c4370ec43b"}')],
    ['V2 with a DOCTYPE', () => v2Request({}, '<!DOCTYPE x><xml><a>1</a></xml>')],
    ['V3 that is not JSON', () => ({ ...v3Request('v3-h5'), body: '<xml></xml>' })],
    ['V3 that is a JSON array', () => ({ ...v3Request('v3-h5'), body: '[]' })],
    ['V3 cut short', () => ({ ...v3Request('v3-h5'), body: '{"mchid":"1230000109"' })],
  ])('refuses a body QQ would answer 9034 to: %s', (_why, request) => {
    expect(codeOf(() => preflight(request()))).toMatchObject({
      code: 'ERR_QQ_PREFLIGHT_BODY',
      errcode: 9034,
    });
  });

  it('refuses an Authorization header for another merchant than the body names', () => {
    expect(codeOf(() => preflight(v3Request('v3-h5', {}, '1900009999')))).toMatchObject({
      code: 'ERR_QQ_PREFLIGHT_MCHID',
      field: 'mchid',
    });
    expect(codeOf(() => preflight(v3Request('v3-partner-h5', {}, '1900000109')))).toMatchObject({
      code: 'ERR_QQ_PREFLIGHT_MCHID',
      field: 'sp_mchid',
    });
  });

  it('refuses a signer for another merchant than the body names', () => {
    expect(
      codeOf(() => preflight(v3Request('v3-combine-h5'), { signerMchid: '1900000101' })),
    ).toMatchObject({ code: 'ERR_QQ_PREFLIGHT_MCHID', field: 'combine_mchid' });
  });

  it("refuses a request that is not for QQ's proxy, or not a POST", () => {
    const direct = {
      ...v3Request('v3-h5'),
      url: 'https://api.mch.weixin.qq.com/v3/pay/transactions/h5',
    };
    expect(codeOf(() => preflight(direct))).toMatchObject({ code: 'ERR_QQ_INVALID_PROXY_URL' });
    expect(() => preflight({ ...v3Request('v3-h5'), method: 'GET' })).toThrow(RangeError);
  });
});

describe('regression: the order body in a JSON parser message', () => {
  it('a V3 body that is not JSON is refused without any part of it in the error or its cause', () => {
    const openid = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
    const body = `{"payer":{"openid":${openid}},"mchid":"1230000109"}`;
    const error = codeOf(() => preflight({ ...v3Request('v3-h5'), body })) as Error;
    expect(error).toMatchObject({ code: 'ERR_QQ_PREFLIGHT_BODY', errcode: 9034 });
    expect(error.cause).toBeUndefined();
    expect(leakedPiece(errorText(error), openid)).toBeUndefined();
  });
});
