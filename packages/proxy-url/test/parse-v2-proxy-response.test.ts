import { signXml } from '@qqwxpay/codec-v2';
import { describe, expect, it } from 'vitest';
import { parseV2ProxyResponse } from '../src/index.ts';

const key = '192006250b4c09247ec02edce69f6a2d';
const mwebUrl =
  'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx201410272009395522657a690389285100&package=1037687096';

function answer(fields: Record<string, string>): string {
  return signXml(
    {
      return_code: 'SUCCESS',
      return_msg: 'OK',
      appid: 'wx2421b1c4370ec43b',
      mch_id: '10000100',
      nonce_str: 'IITRi8Iabbblz1Jc',
      result_code: 'SUCCESS',
      prepay_id: 'wx201410272009395522657a690389285100',
      trade_type: 'MWEB',
      mweb_url: mwebUrl,
      ...fields,
    },
    key,
  );
}

describe('parseV2ProxyResponse', () => {
  it('hands a signed answer to codec-v2 and returns mweb_url', () => {
    const result = parseV2ProxyResponse({ status: 200, headers: {}, body: answer({}) }, { key });
    expect(result.mwebUrl).toBe(mwebUrl);
    expect(result.prepayId).toBe('wx201410272009395522657a690389285100');
    expect(result.fields.appid).toBe('wx2421b1c4370ec43b');
  });

  it("reads QQ's envelope before anything else", () => {
    const body = '{"errcode":9030,"errmsg":"mch_id not bind"}';
    expect(() => parseV2ProxyResponse({ status: 200, headers: {}, body }, { key })).toThrow(
      expect.objectContaining({ code: 'ERR_QQ_9030', errcode: 9030 }),
    );
  });

  it('refuses an answer whose signature does not verify', () => {
    const body = answer({}).replace('10000100', '10000101');
    expect(() => parseV2ProxyResponse({ status: 200, headers: {}, body }, { key })).toThrow(
      expect.objectContaining({ code: 'ERR_V2_SIGNATURE_MISMATCH' }),
    );
  });

  it("passes WeChat Pay's FAIL answers through as codec-v2 errors", () => {
    const body = answer({ result_code: 'FAIL', err_code: 'ORDERPAID', err_code_des: 'paid' });
    expect(() => parseV2ProxyResponse({ status: 200, headers: {}, body }, { key })).toThrow(
      expect.objectContaining({ code: 'ERR_V2_RESULT_FAIL' }),
    );
  });

  it('reports a bare HTTP failure', () => {
    expect(() =>
      parseV2ProxyResponse({ status: 502, headers: {}, body: '<html>Bad Gateway</html>' }, { key }),
    ).toThrow(expect.objectContaining({ code: 'ERR_QQ_HTTP_STATUS', status: 502 }));
  });
});
