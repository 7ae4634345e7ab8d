import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getTokenRequest, parseGetTokenResponse, type QqProxyError } from '../src/index.ts';
import { errorText, leakedPiece } from './fixtures.ts';

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

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('regression: the access token in a JSON parser message', () => {
  it('an unquoted token is refused without any part of it in the error or its cause', () => {
    const token = 'Vq9xKfT2mNcR7pLwYb4sHd6GjE1aZu0oXiC5yQeWvB8nMkJ3';
    const body = `{"access_token":${token},"expires_in":7200}`;
    const error = thrownBy(() => parseGetTokenResponse({ status: 200, headers: {}, body }));
    expect(error).toMatchObject({ code: 'ERR_QQ_TOKEN_MALFORMED', status: 200 });
    expect((error as Error).cause).toBeUndefined();
    expect(leakedPiece(errorText(error), token)).toBeUndefined();
  });
});

describe('properties', () => {
  it('no answer that is not JSON puts a piece of the token it holds into the error', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_-]{24,64}$/);
    const broken = fc.constantFrom(
      (t: string) => `{"access_token":${t},"expires_in":7200}`,
      (t: string) => `{"access_token":"${t}","expires_in":7200`,
      (t: string) => `{"access_token":"${t}\\u12","expires_in":7200}`,
      (t: string) => `{"access_token":"${t}" "expires_in":7200}`,
      (t: string) => `access_token=${t}&expires_in=7200`,
    );
    fc.assert(
      fc.property(token, broken, (secret, write) => {
        const body = write(secret);
        const error = thrownBy(() => parseGetTokenResponse({ status: 200, headers: {}, body }));
        return error !== undefined && leakedPiece(errorText(error), secret) === undefined;
      }),
      { numRuns: 200 },
    );
  });
});
