import { describe, expect, it } from 'vitest';
import {
  loadCertificate,
  loadPrivateKey,
  signResponse,
  V3ApiError,
  V3Error,
  VerifierStore,
  verifyResponse,
} from '../src/index.ts';
import { fixture } from './support/fixtures.ts';

const platformKey = loadPrivateKey(fixture('platform_key.pem'));
const platformCert = loadCertificate(fixture('platform_cert.pem'));
const now = new Date(platformCert.notBefore.getTime() + 3_600_000);
const nowS = Math.floor(now.getTime() / 1000);
const verifiers = new VerifierStore();
verifiers.addCertificate(platformCert, { now });

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('verifyResponse', () => {
  it('returns the verified body and its JSON for a signed 2xx', () => {
    const body = '{"h5_url":"https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx42"}';
    const headers = {
      ...signResponse({
        body,
        privateKey: platformKey,
        serial: platformCert.serial,
        timestamp: nowS,
      }),
      'Request-ID': 'R-9',
    };
    expect(verifyResponse({ status: 200, headers, body }, { verifiers, now })).toEqual({
      status: 200,
      body,
      json: { h5_url: 'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx42' },
      requestId: 'R-9',
    });
  });

  it('accepts a signed 204 with an empty body', () => {
    const headers = signResponse({
      body: '',
      privateKey: platformKey,
      serial: platformCert.serial,
      timestamp: nowS,
    });
    expect(
      verifyResponse({ status: 204, headers, body: new Uint8Array() }, { verifiers, now }).json,
    ).toBeUndefined();
  });

  it('turns a non-2xx into V3ApiError with WeChat Pay reason, without checking signatures', () => {
    const body = JSON.stringify({
      code: 'PARAM_ERROR',
      message: '参数错误',
      detail: { field: '/amount/total', location: 'body' },
    });
    const error = caught(() =>
      verifyResponse(
        { status: 400, headers: { 'request-id': 'REQ-400' }, body },
        { verifiers, now },
      ),
    );
    expect(error).toBeInstanceOf(V3ApiError);
    expect(error).toBeInstanceOf(V3Error);
    expect(error).toMatchObject({
      code: 'ERR_V3_API_ERROR',
      status: 400,
      apiCode: 'PARAM_ERROR',
      apiMessage: '参数错误',
      detail: { field: '/amount/total', location: 'body' },
      requestId: 'REQ-400',
    });
    expect((error as Error).message).toBe('WeChat Pay answered HTTP 400 PARAM_ERROR: 参数错误');
  });

  it('reports a non-JSON error body by status alone', () => {
    const error = caught(() =>
      verifyResponse(
        { status: 502, headers: {}, body: '<html>bad gateway</html>' },
        { verifiers, now },
      ),
    );
    expect(error).toMatchObject({ code: 'ERR_V3_API_ERROR', status: 502, apiCode: undefined });
    expect((error as Error).message).not.toContain('html');
  });

  it('refuses a 2xx without signature headers', () => {
    const error = caught(() =>
      verifyResponse({ status: 200, headers: {}, body: '{}' }, { verifiers, now }),
    );
    expect(error).toMatchObject({ code: 'ERR_V3_SIGNATURE_MISSING' });
  });

  it('refuses a signed 2xx whose body is not JSON', () => {
    const body = 'not json';
    const headers = signResponse({
      body,
      privateKey: platformKey,
      serial: platformCert.serial,
      timestamp: nowS,
    });
    expect(
      caught(() => verifyResponse({ status: 200, headers, body }, { verifiers, now })),
    ).toMatchObject({
      code: 'ERR_V3_BODY_MALFORMED',
    });
  });

  it('checks the signature before reading the body', () => {
    const headers = signResponse({
      body: '{"a":1}',
      privateKey: platformKey,
      serial: platformCert.serial,
      timestamp: nowS,
    });
    expect(
      caught(() => verifyResponse({ status: 200, headers, body: 'not json' }, { verifiers, now })),
    ).toMatchObject({
      code: 'ERR_V3_SIGNATURE_MISMATCH',
    });
  });

  it('refuses an impossible status', () => {
    expect(() => verifyResponse({ status: 42, headers: {}, body: '' }, { verifiers, now })).toThrow(
      RangeError,
    );
  });
});
