import { sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  loadCertificate,
  loadPrivateKey,
  signResponse,
  V3Error,
  VerifierStore,
  verifySignature,
} from '../src/index.ts';
import { fixture, openssl } from './support/fixtures.ts';

const platformKey = loadPrivateKey(fixture('platform_key.pem'));
const platformCert = loadCertificate(fixture('platform_cert.pem'));
const publicModeKey = loadPrivateKey(fixture('pubkey_mode_key.pem'));
const PUB_KEY_ID = 'PUB_KEY_ID_0114232134912410000000000000';
const now = new Date(platformCert.notBefore.getTime() + 86_400_000);
const nowS = Math.floor(now.getTime() / 1000);

const verifiers = new VerifierStore();
verifiers.addCertificate(platformCert, { now });
verifiers.addPublicKey(PUB_KEY_ID, fixture('pubkey_mode_pub.pem'));

const body = '{"id":"EV-2018022511223320873","resource":{"ciphertext":"…"}}';

function signed(overrides: { timestamp?: number; body?: string; serial?: string } = {}) {
  const headers = signResponse({
    body: overrides.body ?? body,
    privateKey: platformKey,
    serial: overrides.serial ?? platformCert.serial,
    timestamp: overrides.timestamp ?? nowS,
    nonce: 'fdasfwqewlkja484w',
  });
  return { headers: { ...headers, 'Request-ID': 'REQ-1' }, body: overrides.body ?? body };
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof V3Error) return error.code;
    throw error;
  }
  return 'ACCEPTED';
}

describe('verifySignature', () => {
  it('accepts a signed message and returns its headers', () => {
    expect(verifySignature(signed(), { verifiers, now })).toEqual({
      timestamp: nowS,
      nonce: 'fdasfwqewlkja484w',
      serial: platformCert.serial,
      requestId: 'REQ-1',
    });
  });

  it('reads header names in any case, from a record, Node headers or WHATWG Headers', () => {
    const message = signed();
    const lower = Object.fromEntries(
      Object.entries(message.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const upper = Object.fromEntries(
      Object.entries(message.headers).map(([k, v]) => [k.toUpperCase(), v]),
    );
    expect(verifySignature({ headers: lower, body }, { verifiers, now }).serial).toBe(
      platformCert.serial,
    );
    expect(verifySignature({ headers: upper, body }, { verifiers, now }).serial).toBe(
      platformCert.serial,
    );
    const web = new Headers(message.headers);
    expect(verifySignature({ headers: web, body }, { verifiers, now }).requestId).toBe('REQ-1');
  });

  it('verifies over raw bytes', () => {
    const bytes = new TextEncoder().encode('{"d":"中文"}');
    const headers = signResponse({
      body: bytes,
      privateKey: platformKey,
      serial: platformCert.serial,
      timestamp: nowS,
    });
    expect(verifySignature({ headers, body: bytes }, { verifiers, now }).timestamp).toBe(nowS);
    expect(verifySignature({ headers, body: '{"d":"中文"}' }, { verifiers, now }).timestamp).toBe(
      nowS,
    );
  });

  it('accepts a signature made by openssl dgst -sha256 -sign', () => {
    const message = `${nowS}\nOPENSSLNONCE\n${body}\n`;
    const result = openssl(['dgst', '-sha256', '-sign', '{key.pem}', '{msg}'], {
      'key.pem': fixture('platform_key.pem'),
      msg: message,
    });
    expect(result.status).toBe(0);
    const headers = {
      'Wechatpay-Timestamp': String(nowS),
      'Wechatpay-Nonce': 'OPENSSLNONCE',
      'Wechatpay-Signature': result.stdout.toString('base64'),
      'Wechatpay-Serial': platformCert.serial,
    };
    expect(verifySignature({ headers, body }, { verifiers, now }).nonce).toBe('OPENSSLNONCE');
  });

  it.each(['Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Signature', 'Wechatpay-Serial'])(
    'refuses a message without %s',
    (name) => {
      const message = signed();
      const headers: Record<string, string> = { ...message.headers };
      delete headers[name];
      expect(codeOf(() => verifySignature({ headers, body }, { verifiers, now }))).toBe(
        'ERR_V3_SIGNATURE_MISSING',
      );
    },
  );

  it('refuses a header given twice', () => {
    const message = signed();
    const twice = { ...message.headers, 'wechatpay-serial': platformCert.serial };
    expect(codeOf(() => verifySignature({ headers: twice, body }, { verifiers, now }))).toBe(
      'ERR_V3_HEADER_DUPLICATED',
    );
    const array = { ...message.headers, 'Wechatpay-Nonce': ['a', 'b'] };
    expect(codeOf(() => verifySignature({ headers: array, body }, { verifiers, now }))).toBe(
      'ERR_V3_HEADER_DUPLICATED',
    );
  });

  it('refuses another Wechatpay-Signature-Type', () => {
    const message = signed();
    const headers = { ...message.headers, 'Wechatpay-Signature-Type': 'WECHATPAY2-SM2-WITH-SM3' };
    expect(codeOf(() => verifySignature({ headers, body }, { verifiers, now }))).toBe(
      'ERR_V3_SIGNATURE_TYPE_UNSUPPORTED',
    );
  });

  it('refuses a WECHATPAY/SIGNTEST/ probe with its own code', () => {
    const message = signed();
    const headers = { ...message.headers, 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/abcdefg==' };
    expect(codeOf(() => verifySignature({ headers, body }, { verifiers, now }))).toBe(
      'ERR_V3_SIGNATURE_PROBE',
    );
  });

  it.each([
    [-301, 'ERR_V3_TIMESTAMP_OUT_OF_WINDOW'],
    [-300, 'ACCEPTED'],
    [-299, 'ACCEPTED'],
    [0, 'ACCEPTED'],
    [299, 'ACCEPTED'],
    [300, 'ACCEPTED'],
    [301, 'ERR_V3_TIMESTAMP_OUT_OF_WINDOW'],
    [-86_400, 'ERR_V3_TIMESTAMP_OUT_OF_WINDOW'],
    [86_400, 'ERR_V3_TIMESTAMP_OUT_OF_WINDOW'],
  ])('a timestamp %i s from now (negative: stale, positive: future) gives %s', (offset, code) => {
    expect(
      codeOf(() => verifySignature(signed({ timestamp: nowS + offset }), { verifiers, now })),
    ).toBe(code);
  });

  it('takes a custom window and now as Unix seconds', () => {
    const message = signed({ timestamp: nowS - 60 });
    expect(
      codeOf(() => verifySignature(message, { verifiers, now: nowS, windowSeconds: 59 })),
    ).toBe('ERR_V3_TIMESTAMP_OUT_OF_WINDOW');
    expect(
      codeOf(() => verifySignature(message, { verifiers, now: nowS, windowSeconds: 60 })),
    ).toBe('ACCEPTED');
    expect(() => verifySignature(message, { verifiers, now: Date.now() })).toThrow(RangeError);
    expect(() => verifySignature(message, { verifiers, windowSeconds: -1 })).toThrow(RangeError);
  });

  it.each(['', '-1', '1.5e9', '0x6B', ' 1796443200', '17964432001234'])(
    'refuses the malformed timestamp %j',
    (timestamp) => {
      const message = signed();
      const headers = { ...message.headers, 'Wechatpay-Timestamp': timestamp };
      const code = timestamp === '' ? 'ERR_V3_SIGNATURE_MISSING' : 'ERR_V3_TIMESTAMP_MALFORMED';
      expect(codeOf(() => verifySignature({ headers, body }, { verifiers, now }))).toBe(code);
    },
  );

  it('decodes the signature strictly', () => {
    const message = signed();
    const good = message.headers['Wechatpay-Signature'];
    for (const bad of [
      `${good}\n`,
      ` ${good}`,
      good.replace(/=+$/, ''),
      good.replace(/\+/g, '-'),
      `${good.slice(0, 100)} ${good.slice(100)}`,
    ]) {
      const headers = { ...message.headers, 'Wechatpay-Signature': bad };
      expect(codeOf(() => verifySignature({ headers, body }, { verifiers, now }))).toBe(
        'ERR_V3_SIGNATURE_MALFORMED',
      );
    }
  });

  it('refuses a signature that does not verify', () => {
    const message = signed();
    const other = sign('sha256', Buffer.from('x'), platformKey).toString('base64');
    const headers = { ...message.headers, 'Wechatpay-Signature': other };
    expect(codeOf(() => verifySignature({ headers, body }, { verifiers, now }))).toBe(
      'ERR_V3_SIGNATURE_MISMATCH',
    );
  });

  it('refuses a certificate outside its validity period at now', () => {
    const later = new Date(platformCert.notAfter.getTime() + 1000);
    const message = signed({ timestamp: Math.floor(later.getTime() / 1000) });
    expect(codeOf(() => verifySignature(message, { verifiers, now: later }))).toBe(
      'ERR_V3_CERTIFICATE_EXPIRED',
    );
  });

  it('refuses a body that is not a string or bytes', () => {
    const message = signed();
    expect(() =>
      verifySignature({ headers: message.headers, body: JSON.parse(body) }, { verifiers, now }),
    ).toThrow(TypeError);
  });
});

describe('regression: field faults', () => {
  it('a callback verified over re-serialised JSON fails', () => {
    const raw = '{ "id": "EV-1",\n  "amount": {"total": 100}, "note": "\\u4e2d" }';
    const message = signed({ body: raw });
    expect(codeOf(() => verifySignature(message, { verifiers, now }))).toBe('ACCEPTED');
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(
      codeOf(() => verifySignature({ ...message, body: reserialised }, { verifiers, now })),
    ).toBe('ERR_V3_SIGNATURE_MISMATCH');
  });

  it('a signature over CRLF lines or without the final LF fails', () => {
    for (const text of [`${nowS}\r\nN\r\n${body}\r\n`, `${nowS}\nN\n${body}`]) {
      const headers = {
        'Wechatpay-Timestamp': String(nowS),
        'Wechatpay-Nonce': 'N',
        'Wechatpay-Signature': sign('sha256', Buffer.from(text), platformKey).toString('base64'),
        'Wechatpay-Serial': platformCert.serial,
      };
      expect(codeOf(() => verifySignature({ headers, body }, { verifiers, now }))).toBe(
        'ERR_V3_SIGNATURE_MISMATCH',
      );
    }
  });

  it('a PUB_KEY_ID_ serial picks the WeChat Pay public key, kept as an opaque string', () => {
    const headers = signResponse({
      body,
      privateKey: publicModeKey,
      serial: PUB_KEY_ID,
      timestamp: nowS,
    });
    expect(verifySignature({ headers, body }, { verifiers, now }).serial).toBe(PUB_KEY_ID);
    const wrongKey = signResponse({
      body,
      privateKey: platformKey,
      serial: PUB_KEY_ID,
      timestamp: nowS,
    });
    expect(codeOf(() => verifySignature({ headers: wrongKey, body }, { verifiers, now }))).toBe(
      'ERR_V3_SIGNATURE_MISMATCH',
    );
    const digitsOnly = { ...headers, 'Wechatpay-Serial': PUB_KEY_ID.slice('PUB_KEY_ID_'.length) };
    expect(codeOf(() => verifySignature({ headers: digitsOnly, body }, { verifiers, now }))).toBe(
      'ERR_V3_SERIAL_UNKNOWN',
    );
  });

  it('a line feed in the nonce cannot carry the first lines of a signed body', () => {
    const signedBody = '{"prepay_id":"wx201410272009395522657a690389285100"}\n';
    const headers = signResponse({
      body: signedBody,
      privateKey: platformKey,
      serial: platformCert.serial,
      timestamp: nowS,
      nonce: 'N0NCE',
    });
    const shifted = { ...headers, 'Wechatpay-Nonce': `N0NCE\n${signedBody.slice(0, -1)}` };
    expect(codeOf(() => verifySignature({ headers: shifted, body: '' }, { verifiers, now }))).toBe(
      'ERR_V3_SIGNATURE_MALFORMED',
    );
  });

  it('a nonce or serial with a control or non-ASCII character is malformed, naming the header', () => {
    const message = signed();
    for (const [name, value] of [
      ['Wechatpay-Nonce', 'abc\rdef'],
      ['Wechatpay-Nonce', 'abc\u00e9'],
      ['Wechatpay-Serial', `${platformCert.serial}\n`],
    ] as const) {
      let caught: unknown;
      try {
        verifySignature(
          { ...message, headers: { ...message.headers, [name]: value } },
          {
            verifiers,
            now,
          },
        );
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(V3Error);
      expect((caught as V3Error).code).toBe('ERR_V3_SIGNATURE_MALFORMED');
      expect((caught as V3Error).field).toBe(name);
    }
  });

  it('a certificate serial written in decimal is an unknown serial', () => {
    const decimal = BigInt(`0x${platformCert.serial}`).toString(10);
    const message = signed({ serial: decimal });
    let caught: unknown;
    try {
      verifySignature(message, { verifiers, now });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(V3Error);
    expect((caught as V3Error).code).toBe('ERR_V3_SERIAL_UNKNOWN');
    expect((caught as V3Error).serial).toBe(decimal);
  });

  it('a certificate serial in lower case or without its leading zero is unknown', () => {
    for (const serial of [
      platformCert.serial.toLowerCase(),
      platformCert.serial.replace(/^0/, ''),
    ]) {
      expect(codeOf(() => verifySignature(signed({ serial }), { verifiers, now }))).toBe(
        'ERR_V3_SERIAL_UNKNOWN',
      );
    }
  });
});

describe('properties', () => {
  it('changing any byte of the body, timestamp or nonce fails', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.constantFrom('body', 'timestamp', 'nonce'),
        (bytes, at, xor, part) => {
          const headers = signResponse({
            body: bytes,
            privateKey: platformKey,
            serial: platformCert.serial,
            timestamp: nowS,
            nonce: 'NONCE12345',
          });
          if (part === 'body') {
            const changed = Uint8Array.from(bytes);
            changed[at % changed.length]! ^= xor;
            return (
              codeOf(() => verifySignature({ headers, body: changed }, { verifiers, now })) ===
              'ERR_V3_SIGNATURE_MISMATCH'
            );
          }
          if (part === 'timestamp') {
            const moved = { ...headers, 'Wechatpay-Timestamp': String(nowS + 1 + (xor % 200)) };
            return (
              codeOf(() => verifySignature({ headers: moved, body: bytes }, { verifiers, now })) ===
              'ERR_V3_SIGNATURE_MISMATCH'
            );
          }
          const nonce = `NONCE1234${String.fromCharCode(0x41 + (xor % 26))}`;
          fc.pre(nonce !== 'NONCE12345');
          const renamed = { ...headers, 'Wechatpay-Nonce': nonce };
          return (
            codeOf(() => verifySignature({ headers: renamed, body: bytes }, { verifiers, now })) ===
            'ERR_V3_SIGNATURE_MISMATCH'
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('moving the lines of a signed body into the nonce is refused before the signature check', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 2, maxLength: 5 }),
        fc.nat(),
        (lines, at) => {
          const signedBody = lines.join('\n');
          const cut = 1 + (at % (lines.length - 1));
          const text = `${nowS}\nN\n${signedBody}\n`;
          const headers = {
            'Wechatpay-Timestamp': String(nowS),
            'Wechatpay-Nonce': ['N', ...lines.slice(0, cut)].join('\n'),
            'Wechatpay-Signature': sign('sha256', Buffer.from(text), platformKey).toString(
              'base64',
            ),
            'Wechatpay-Serial': platformCert.serial,
          };
          const rest = lines.slice(cut).join('\n');
          return (
            codeOf(() => verifySignature({ headers, body: rest }, { verifiers, now })) ===
            'ERR_V3_SIGNATURE_MALFORMED'
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('sign then verify holds for any body', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), (bytes) => {
        const headers = signResponse({
          body: bytes,
          privateKey: platformKey,
          serial: platformCert.serial,
          timestamp: nowS,
        });
        return verifySignature({ headers, body: bytes }, { verifiers, now }).timestamp === nowS;
      }),
      { numRuns: 40 },
    );
  });
});
