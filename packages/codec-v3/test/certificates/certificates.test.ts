import { describe, expect, it } from 'vitest';
import {
  CertificateRefresher,
  createRequestSigner,
  encryptResource,
  type HttpRequest,
  type HttpResponse,
  loadCertificate,
  loadPrivateKey,
  parseCertificatesResponse,
  signResponse,
  V3ApiError,
  VerifierStore,
} from '../../src/index.ts';
import { fixture } from '../support/fixtures.ts';

const API_V3_KEY = 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb';
const platform = {
  cert: loadCertificate(fixture('platform_cert.pem')),
  key: loadPrivateKey(fixture('platform_key.pem')),
};
const platform2 = {
  cert: loadCertificate(fixture('platform2_cert.pem')),
  key: loadPrivateKey(fixture('platform2_key.pem')),
};
const now = Math.floor(platform.cert.notBefore.getTime() / 1000) + 3600;

function entry(name: string, serial: string) {
  return {
    serial_no: serial,
    effective_time: '2026-12-04T00:00:00+08:00',
    expire_time: '2036-12-01T00:00:00+08:00',
    encrypt_certificate: encryptResource(fixture(name).toString(), API_V3_KEY, {
      associatedData: 'certificate',
    }),
  };
}

function certificatesResponse(
  options: {
    signer?: { key: typeof platform.key; serial: string };
    serialNo?: string;
    status?: number;
    timestamp?: number;
  } = {},
): HttpResponse {
  const body = JSON.stringify({
    data: [
      entry('platform_cert.pem', options.serialNo ?? platform.cert.serial),
      entry('platform2_cert.pem', platform2.cert.serial),
    ],
  });
  const signer = options.signer ?? { key: platform.key, serial: platform.cert.serial };
  const headers = signResponse({
    body,
    privateKey: signer.key,
    serial: signer.serial,
    timestamp: options.timestamp ?? now,
  });
  return { status: options.status ?? 200, headers, body };
}

describe('parseCertificatesResponse', () => {
  it('bootstraps an empty store with the certificates the verified answer vouches for', () => {
    const verifiers = new VerifierStore();
    const certs = parseCertificatesResponse(certificatesResponse(), {
      apiV3Key: API_V3_KEY,
      verifiers,
      now,
    });
    expect(certs.map((c) => c.serial)).toEqual([platform.cert.serial, platform2.cert.serial]);
    expect(verifiers.serials().sort()).toEqual(
      [platform.cert.serial, platform2.cert.serial].sort(),
    );
  });

  it('keeps what the store already held', () => {
    const verifiers = new VerifierStore();
    verifiers.addPublicKey('PUB_KEY_ID_1', fixture('pubkey_mode_pub.pem'));
    parseCertificatesResponse(
      certificatesResponse({ signer: { key: platform2.key, serial: platform2.cert.serial } }),
      { apiV3Key: API_V3_KEY, verifiers, now },
    );
    expect(verifiers.serials()).toContain('PUB_KEY_ID_1');
    expect(verifiers.serials()).toHaveLength(3);
  });

  it('refuses an answer signed by a key it does not vouch for, leaving the store unchanged', () => {
    const verifiers = new VerifierStore();
    const forged = certificatesResponse({
      signer: { key: loadPrivateKey(fixture('pubkey_mode_key.pem')), serial: 'FFFF' },
    });
    expect(() =>
      parseCertificatesResponse(forged, { apiV3Key: API_V3_KEY, verifiers, now }),
    ).toThrow(expect.objectContaining({ code: 'ERR_V3_SERIAL_UNKNOWN' }));
    const wrongKey = certificatesResponse({
      signer: { key: loadPrivateKey(fixture('pubkey_mode_key.pem')), serial: platform.cert.serial },
    });
    expect(() =>
      parseCertificatesResponse(wrongKey, { apiV3Key: API_V3_KEY, verifiers, now }),
    ).toThrow(expect.objectContaining({ code: 'ERR_V3_SIGNATURE_MISMATCH' }));
    expect(verifiers.serials()).toEqual([]);
  });

  it('refuses a certificate whose serial differs from serial_no', () => {
    const response = certificatesResponse({ serialNo: platform2.cert.serial });
    expect(() => parseCertificatesResponse(response, { apiV3Key: API_V3_KEY, now })).toThrow(
      expect.objectContaining({ code: 'ERR_V3_CERTIFICATE_INVALID' }),
    );
  });

  it('refuses certificates that do not decrypt under the APIv3 key', () => {
    expect(() =>
      parseCertificatesResponse(certificatesResponse(), { apiV3Key: 'b'.repeat(32), now }),
    ).toThrow(expect.objectContaining({ code: 'ERR_V3_DECRYPT_FAILED' }));
  });

  it('turns a non-2xx answer into V3ApiError', () => {
    const response = {
      status: 401,
      headers: { 'Request-ID': 'R' },
      body: '{"code":"SIGN_ERROR","message":"签名错误"}',
    };
    expect(() => parseCertificatesResponse(response, { apiV3Key: API_V3_KEY, now })).toThrow(
      V3ApiError,
    );
  });

  it('refuses a body that is not the certificates list', () => {
    const body = '{"data":[]}';
    const headers = signResponse({
      body,
      privateKey: platform.key,
      serial: platform.cert.serial,
      timestamp: now,
    });
    expect(() =>
      parseCertificatesResponse({ status: 200, headers, body }, { apiV3Key: API_V3_KEY, now }),
    ).toThrow(expect.objectContaining({ code: 'ERR_V3_SCHEMA_VIOLATION' }));
  });
});

describe('CertificateRefresher', () => {
  const signer = createRequestSigner({
    mchid: '1230000109',
    serial: 'ABC',
    privateKey: loadPrivateKey(fixture('merchant_key.pem')),
  });

  function setup(respond?: () => Promise<HttpResponse>) {
    const sent: HttpRequest[] = [];
    let clock = now;
    const answer = respond ?? (async () => certificatesResponse({ timestamp: clock }));
    const verifiers = new VerifierStore();
    const refresher = new CertificateRefresher({
      verifiers,
      signer,
      apiV3Key: API_V3_KEY,
      send: async (request) => {
        sent.push(request);
        return answer();
      },
      clock: () => clock,
      baseUrl: 'http://127.0.0.1:9',
    });
    return {
      sent,
      verifiers,
      refresher,
      advance: (s: number) => {
        clock += s;
      },
    };
  }

  it('downloads a signed GET /v3/certificates and merges the result', async () => {
    const { sent, verifiers, refresher } = setup();
    await refresher.refresh();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('http://127.0.0.1:9/v3/certificates');
    expect(sent[0]!.headers.Authorization).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1230000109"/);
    expect(verifiers.has(platform2.cert.serial)).toBe(true);
  });

  it('shares one download between concurrent calls', async () => {
    const { sent, refresher } = setup();
    await Promise.all([refresher.refresh(), refresher.refresh(), refresher.refresh()]);
    expect(sent).toHaveLength(1);
  });

  it('refreshes on schedule only when the interval has passed', async () => {
    const { sent, refresher, advance } = setup();
    expect(await refresher.refreshIfDue()).toBe(true);
    advance(43_199);
    expect(await refresher.refreshIfDue()).toBe(false);
    advance(1);
    expect(await refresher.refreshIfDue()).toBe(true);
    expect(sent).toHaveLength(2);
  });

  it('downloads at most once per interval for unknown serials, and never loops', async () => {
    const { sent, refresher, advance } = setup();
    expect(await refresher.refreshForSerial(platform.cert.serial)).toBe(true);
    expect(sent).toHaveLength(1);
    expect(await refresher.refreshForSerial(platform.cert.serial)).toBe(true);
    for (let i = 0; i < 100; i++)
      expect(await refresher.refreshForSerial(`FORGED${i}`)).toBe(false);
    expect(sent).toHaveLength(1);
    advance(300);
    expect(await refresher.refreshForSerial('FORGED-AGAIN')).toBe(false);
    expect(sent).toHaveLength(2);
  });

  it('a failed download leaves the store as it was and still counts against the interval', async () => {
    const { sent, verifiers, refresher } = setup(async () => ({
      status: 500,
      headers: {},
      body: '{"code":"SYSTEM_ERROR","message":"x"}',
    }));
    expect(await refresher.refreshForSerial('ABCDEF')).toBe(false);
    expect(await refresher.refreshForSerial('ABCDEF')).toBe(false);
    expect(sent).toHaveLength(1);
    expect(verifiers.serials()).toEqual([]);
    await expect(refresher.refresh()).rejects.toBeInstanceOf(V3ApiError);
  });

  it('retries a failed scheduled refresh after the shorter interval', async () => {
    let fail = true;
    const { sent, refresher, advance } = setup(async () => {
      if (fail) return { status: 503, headers: {}, body: '' };
      return certificatesResponse({ timestamp: now + 300 });
    });
    await expect(refresher.refreshIfDue()).rejects.toBeInstanceOf(V3ApiError);
    advance(299);
    expect(await refresher.refreshIfDue()).toBe(false);
    advance(1);
    fail = false;
    expect(await refresher.refreshIfDue()).toBe(true);
    expect(sent).toHaveLength(2);
  });

  it('refuses nonsense intervals', () => {
    expect(
      () =>
        new CertificateRefresher({
          verifiers: new VerifierStore(),
          signer,
          apiV3Key: API_V3_KEY,
          send: async () => certificatesResponse(),
          intervalSeconds: -1,
        }),
    ).toThrow(RangeError);
  });
});
