import { describe, expect, it } from 'vitest';
import { getTokenRequest, parseGetTokenResponse, type QqProxyError } from '../src/index.ts';

const secret = 'S3cr3t+/=&%';

describe("QQ's getToken", () => {
  it('builds the GET request with the secret encoded', () => {
    expect(getTokenRequest({ appId: '1112223334', secret })).toEqual({
      method: 'GET',
      url:
        'https://api.q.qq.com/api/getToken?grant_type=client_credential&appid=1112223334' +
        '&secret=S3cr3t%2B%2F%3D%26%25',
      headers: { Accept: 'application/json' },
      body: '',
    });
  });

  it('refuses a WeChat appid or an empty secret, without echoing the secret', () => {
    expect(() => getTokenRequest({ appId: 'wx8888888888888888', secret })).toThrow(RangeError);
    expect(() => getTokenRequest({ appId: 'wx8888888888888888', secret })).not.toThrow(
      new RegExp(secret.replace(/[+/=&%]/g, '.')),
    );
    expect(() => getTokenRequest({ appId: '1', secret: '' })).toThrow(TypeError);
  });

  it('reads the token and its lifetime', () => {
    const body = '{"errcode":0,"errmsg":"","access_token":"ACCESS+/=","expires_in":7200}';
    expect(parseGetTokenResponse({ status: 200, headers: {}, body })).toEqual({
      accessToken: 'ACCESS+/=',
      expiresIn: 7200,
    });
  });

  it('turns a non-zero errcode into ERR_QQ_TOKEN_FAILED', () => {
    const body = '{"errcode":40013,"errmsg":"invalid appid"}';
    expect(() => parseGetTokenResponse({ status: 200, headers: {}, body })).toThrow(
      expect.objectContaining({
        code: 'ERR_QQ_TOKEN_FAILED',
        errcode: 40013,
        errmsg: 'invalid appid',
      }),
    );
  });

  it.each([
    [200, 'not json'],
    [200, '{"errcode":0}'],
    [200, '{"access_token":"","expires_in":7200}'],
    [200, '{"access_token":"T","expires_in":0}'],
    [200, '{"access_token":"T","expires_in":"soon"}'],
    [200, 'null'],
  ])('refuses a malformed answer (%i %s)', (status, body) => {
    expect(() => parseGetTokenResponse({ status, headers: {}, body })).toThrow(
      expect.objectContaining({ code: 'ERR_QQ_TOKEN_MALFORMED' }),
    );
  });

  it('reports a bare HTTP failure as ERR_QQ_HTTP_STATUS', () => {
    const error = (() => {
      try {
        parseGetTokenResponse({ status: 502, headers: {}, body: 'Bad Gateway' });
      } catch (e) {
        return e as QqProxyError;
      }
    })();
    expect(error?.code).toBe('ERR_QQ_HTTP_STATUS');
    expect(error?.status).toBe(502);
  });
});
