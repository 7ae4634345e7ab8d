import { generateKeyPairSync } from 'node:crypto';
import { signResponse, VerifierStore } from '@qqwxpay/codec-v3';
import { describe, expect, it } from 'vitest';
import { parseV3ProxyResponse } from '../src/index.ts';

const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const serial = 'PUB_KEY_ID_0114232134912410000000000000';
const verifiers = new VerifierStore();
verifiers.addPublicKey(serial, platform.publicKey);
const timestamp = 1_764_800_000;
const h5Url =
  'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx2916263004719461949c84457c735b0000&package=2150917749';

function signed(body: string, status = 200) {
  const headers = {
    ...signResponse({ body, privateKey: platform.privateKey, serial, timestamp, nonce: 'n0nce' }),
    'Request-ID': '08F78BB5AF0610D302A6A8A7D04E9810',
  };
  return { status, headers, body };
}

describe('parseV3ProxyResponse', () => {
  it('verifies the answer with codec-v3 and returns h5_url', () => {
    const body = JSON.stringify({ h5_url: h5Url });
    expect(parseV3ProxyResponse(signed(body), { verifiers, now: timestamp })).toEqual({
      h5Url,
      requestId: '08F78BB5AF0610D302A6A8A7D04E9810',
      body,
    });
  });

  it.each([
    [9030, 'ERR_QQ_9030'],
    [9031, 'ERR_QQ_9031'],
    [9032, 'ERR_QQ_9032'],
    [9034, 'ERR_QQ_9034'],
    [41001, 'ERR_QQ_API'],
  ])("turns QQ's envelope %i into %s before any signature check", (errcode, code) => {
    const response = { status: 200, headers: {}, body: JSON.stringify({ errcode, errmsg: 'm' }) };
    expect(() => parseV3ProxyResponse(response, { verifiers, now: timestamp })).toThrow(
      expect.objectContaining({ code, errcode }),
    );
  });

  it('refuses an answer changed after signing', () => {
    const response = signed(JSON.stringify({ h5_url: h5Url }));
    response.body = response.body.replace('2150917749', '2150917748');
    expect(() => parseV3ProxyResponse(response, { verifiers, now: timestamp })).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^ERR_V3_/) }),
    );
  });

  it("passes WeChat Pay's own errors through as codec-v3 errors", () => {
    const response = {
      status: 400,
      headers: { 'Request-ID': 'r' },
      body: '{"code":"PARAM_ERROR","message":"bad notify_url"}',
    };
    expect(() => parseV3ProxyResponse(response, { verifiers, now: timestamp })).toThrow(
      expect.objectContaining({ name: 'V3ApiError' }),
    );
  });

  it('refuses a verified answer without an https h5_url', () => {
    const body = JSON.stringify({ prepay_id: 'wx1' });
    expect(() => parseV3ProxyResponse(signed(body), { verifiers, now: timestamp })).toThrow(
      expect.objectContaining({ code: 'ERR_QQ_PAY_URL_MISSING', field: 'h5_url' }),
    );
  });
});
