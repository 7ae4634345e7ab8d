import { verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildAuthorization,
  createRequestSigner,
  loadCertificate,
  loadPrivateKey,
  requestMessage,
} from '../src/index.ts';
import { fixture, openssl, shared } from './support/fixtures.ts';

const privateKey = loadPrivateKey(fixture('merchant_key.pem'));
const publicKey = loadCertificate(fixture('merchant_cert.pem')).publicKey;
const credentials = {
  mchid: '1230000109',
  serial: '3775B6A45ACD588826D15E583A95F5DD00000001',
  privateKey,
};

function attributes(header: string): Record<string, string> {
  const [scheme, rest] = [
    header.slice(0, header.indexOf(' ')),
    header.slice(header.indexOf(' ') + 1),
  ];
  expect(scheme).toBe('WECHATPAY2-SHA256-RSA2048');
  return Object.fromEntries([...rest.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

describe('buildAuthorization', () => {
  it('matches the signature computed independently with OpenSSL for the CLI contract', () => {
    const cases = JSON.parse(shared('contract-check/cases.json').toString()).cases as Array<{
      name: string;
      argv: string[];
      stdin: string;
      authorization?: Record<string, string>;
    }>;
    const vector = cases.find((c) => c.name === 'v3 authorization');
    expect(vector?.authorization).toBeDefined();
    const flag = (name: string) => vector!.argv[vector!.argv.indexOf(`--${name}`) + 1]!;
    const header = buildAuthorization({
      mchid: flag('mchid'),
      serial: flag('serial'),
      privateKey: loadPrivateKey(shared('contract-check/keys/merchant_key.pem')),
      method: flag('method'),
      url: flag('url'),
      body: vector!.stdin,
      timestamp: flag('timestamp'),
      nonce: flag('nonce'),
    });
    expect(attributes(header)).toEqual(vector!.authorization);
  });

  it('has the five attributes in the documented order', () => {
    const header = buildAuthorization({
      ...credentials,
      method: 'GET',
      url: '/v3/certificates',
      timestamp: 1554208460,
      nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
    });
    expect(header).toMatch(
      /^WECHATPAY2-SHA256-RSA2048 mchid="1230000109",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",timestamp="1554208460",serial_no="3775B6A45ACD588826D15E583A95F5DD00000001",signature="[A-Za-z0-9+/]+={0,2}"$/,
    );
  });

  it('produces the same signature as openssl dgst -sha256 -sign, and openssl verifies ours', () => {
    const body = '{"amount":{"total":1},"description":"中文"}';
    const message = requestMessage('POST', '/v3/pay/transactions/h5', 1796443200, 'N42', body);
    const header = buildAuthorization({
      ...credentials,
      method: 'POST',
      url: 'https://api.mch.weixin.qq.com/v3/pay/transactions/h5',
      body,
      timestamp: '1796443200',
      nonce: 'N42',
    });
    const ours = Buffer.from(attributes(header).signature!, 'base64');

    const signed = openssl(['dgst', '-sha256', '-sign', '{key.pem}', '{msg}'], {
      'key.pem': fixture('merchant_key.pem'),
      msg: message,
    });
    expect(signed.status).toBe(0);
    expect(signed.stdout.equals(ours)).toBe(true);

    const verified = openssl(
      ['dgst', '-sha256', '-verify', '{pub.pem}', '-signature', '{sig}', '{msg}'],
      {
        'pub.pem': publicKey.export({ type: 'spki', format: 'pem' }),
        sig: ours,
        msg: message,
      },
    );
    expect(verified.status).toBe(0);
    expect(verified.stdout.toString()).toMatch(/Verified OK/);
  });

  it('signs bytes exactly as given', () => {
    const body = Buffer.from([0x7b, 0xe4, 0xb8, 0xad, 0x7d]);
    const header = buildAuthorization({
      ...credentials,
      method: 'POST',
      url: '/v3/x',
      body,
      timestamp: 7,
      nonce: 'N',
    });
    const message = Buffer.concat([Buffer.from('POST\n/v3/x\n7\nN\n'), body, Buffer.from('\n')]);
    expect(
      verify('sha256', message, publicKey, Buffer.from(attributes(header).signature!, 'base64')),
    ).toBe(true);
  });

  it('refuses a body given as an object', () => {
    expect(() =>
      buildAuthorization({ ...credentials, method: 'POST', url: '/v3/x', body: { a: 1 } as never }),
    ).toThrow(TypeError);
  });

  it('refuses a key that is not an RSA private key', () => {
    expect(() =>
      buildAuthorization({ ...credentials, privateKey: publicKey, method: 'GET', url: '/v3/x' }),
    ).toThrow(/privateKey: expected a private KeyObject/);
    expect(() =>
      buildAuthorization({
        ...credentials,
        privateKey: 'PEM' as never,
        method: 'GET',
        url: '/v3/x',
      }),
    ).toThrow(TypeError);
  });

  it('uses a fresh nonce and the clock when none are given', () => {
    const a = attributes(buildAuthorization({ ...credentials, method: 'GET', url: '/v3/x' }));
    const b = attributes(buildAuthorization({ ...credentials, method: 'GET', url: '/v3/x' }));
    expect(a.nonce_str).not.toBe(b.nonce_str);
    expect(a.nonce_str).toMatch(/^[0-9A-F]{32}$/);
    expect(Math.abs(Number(a.timestamp) - Date.now() / 1000)).toBeLessThan(3600);
  });
});

describe('regression: what the signature must cover', () => {
  const base = { ...credentials, method: 'GET', timestamp: 1796443200, nonce: 'N42' };

  function signatureOf(url: string): Buffer {
    return Buffer.from(attributes(buildAuthorization({ ...base, url })).signature!, 'base64');
  }

  it('query left out of the signed URL does not verify against the URL sent', () => {
    const sent = '/v3/pay/transactions/out-trade-no/A1?mchid=1230000109';
    const withoutQuery = signatureOf('/v3/pay/transactions/out-trade-no/A1');
    const message = requestMessage('GET', sent, 1796443200, 'N42', '');
    expect(verify('sha256', Buffer.from(message), publicKey, withoutQuery)).toBe(false);
    expect(verify('sha256', Buffer.from(message), publicKey, signatureOf(sent))).toBe(true);
  });

  it('CRLF line ends or a missing final LF give another message', () => {
    const good = requestMessage('GET', '/v3/x', 1796443200, 'N42', '');
    const signature = signatureOf('/v3/x');
    expect(verify('sha256', Buffer.from(good), publicKey, signature)).toBe(true);
    expect(verify('sha256', Buffer.from(good.replace(/\n/g, '\r\n')), publicKey, signature)).toBe(
      false,
    );
    expect(verify('sha256', Buffer.from(good.slice(0, -1)), publicKey, signature)).toBe(false);
  });
});

describe('properties', () => {
  const signer = createRequestSigner(credentials);
  const token = fc.stringMatching(/^[0-9A-Za-z]{1,32}$/);
  const request = fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
    url: fc.stringMatching(/^\/v3\/[0-9A-Za-z/_-]{0,40}(\?[0-9A-Za-z=&%_-]{0,30})?$/),
    timestamp: fc.integer({ min: 0, max: 4_000_000_000 }).map(String),
    nonce: token,
    body: fc.string({ unit: 'grapheme', maxLength: 80 }),
  });
  const verifies = (
    r: { method: string; url: string; timestamp: string; nonce: string; body: string },
    signature: Buffer,
  ) =>
    verify(
      'sha256',
      Buffer.from(requestMessage(r.method, r.url, r.timestamp, r.nonce, r.body)),
      publicKey,
      signature,
    );

  it('sign then verify holds', () => {
    fc.assert(
      fc.property(request, (r) => {
        const signature = Buffer.from(attributes(signer.authorization(r)).signature!, 'base64');
        return verifies(r, signature);
      }),
      { numRuns: 40 },
    );
  });

  it('changing any byte of method, URL, timestamp, nonce or body fails', () => {
    const field = fc.constantFrom('method', 'url', 'timestamp', 'nonce', 'body');
    fc.assert(
      fc.property(request, field, fc.nat(), fc.nat(), (r, name, at, pick) => {
        const signature = Buffer.from(attributes(signer.authorization(r)).signature!, 'base64');
        const changed = { ...r, [name]: changeOneCharacter(name, r[name], at, pick) };
        return !verifies(changed, signature);
      }),
      { numRuns: 60 },
    );
  });
});

const ALPHABETS: Record<string, string> = {
  method: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  timestamp: '0123456789',
};

/** Replaces one character with another allowed in that field (or adds one to an empty body). */
function changeOneCharacter(name: string, value: string, at: number, pick: number): string {
  const alphabet =
    ALPHABETS[name] ?? 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  if (value.length === 0) return alphabet[pick % alphabet.length]!;
  const chars = [...value];
  const first = name === 'url' ? 1 : 0;
  const i = first + (at % (chars.length - first));
  const others = [...alphabet].filter((c) => c !== chars[i]);
  chars[i] = others[pick % others.length]!;
  return chars.join('');
}
