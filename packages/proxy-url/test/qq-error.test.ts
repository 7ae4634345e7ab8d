import { describe, expect, it } from 'vitest';
import {
  assertNoQqError,
  QQ_ERRORS,
  QqProxyError,
  qqProxyErrorFrom,
  readQqEnvelope,
} from '../src/index.ts';

function caught(fn: () => void): QqProxyError {
  try {
    fn();
  } catch (error) {
    if (error instanceof QqProxyError) return error;
    throw error;
  }
  throw new Error('expected a QqProxyError');
}

describe("QQ's error envelope", () => {
  it.each([
    [9030, 'ERR_QQ_9030', /not bound/, /console/],
    [9031, 'ERR_QQ_9031', /notify_url/, /real_notify_url/],
    [9032, 'ERR_QQ_9032', /not enabled/, /enable WeChat Pay/],
    [9034, 'ERR_QQ_9034', /could not parse/, /<xml>/],
  ] as const)(
    'turns errcode %i into %s with meaning and remedy',
    (errcode, code, meaning, remedy) => {
      const body = JSON.stringify({ errcode, errmsg: 'from QQ' });
      const error = caught(() => assertNoQqError(body, 200));
      expect(error.code).toBe(code);
      expect(error.errcode).toBe(errcode);
      expect(error.errmsg).toBe('from QQ');
      expect(error.status).toBe(200);
      expect(error.meaning).toMatch(meaning);
      expect(error.remedy).toMatch(remedy);
      expect(error.message).toContain(String(errcode));
    },
  );

  it('passes other codes through as ERR_QQ_API with their text', () => {
    const error = caught(() =>
      assertNoQqError('{"errcode":40001,"errmsg":"invalid access_token"}'),
    );
    expect(error.code).toBe('ERR_QQ_API');
    expect(error.errcode).toBe(40001);
    expect(error.errmsg).toBe('invalid access_token');
    expect(error.message).toContain('invalid access_token');
  });

  it('reads errcode given as a string and bytes bodies', () => {
    const bytes = new TextEncoder().encode('{"errcode":"9032","errmsg":""}');
    expect(readQqEnvelope(bytes)).toEqual({ errcode: 9032, errmsg: '' });
    expect(caught(() => assertNoQqError(bytes)).code).toBe('ERR_QQ_9032');
  });

  it.each([
    '<xml><return_code><![CDATA[SUCCESS]]></return_code></xml>',
    '{"h5_url":"https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1"}',
    '{"code":"PARAM_ERROR","message":"bad"}',
    '{"errcode":0,"errmsg":"ok"}',
    '{"errcode":1.5}',
    '[1]',
    '{not json',
    '',
  ])('does not mistake %s for a QQ error', (body) => {
    expect(() => assertNoQqError(body)).not.toThrow();
  });

  it('documents exactly the four known codes', () => {
    expect(Object.keys(QQ_ERRORS).sort()).toEqual(['9030', '9031', '9032', '9034']);
    expect(qqProxyErrorFrom({ errcode: 9031, errmsg: '' }).code).toBe('ERR_QQ_9031');
  });

  it('cuts a long errmsg to 200 characters', () => {
    const error = qqProxyErrorFrom({ errcode: 1, errmsg: 'x'.repeat(1000) });
    expect(error.errmsg).toHaveLength(200);
    expect(error.message.length).toBeLessThan(300);
  });
});
