import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decryptField,
  encryptField,
  loadCertificate,
  loadPrivateKey,
  loadPublicKey,
  V3Error,
} from '../src/index.ts';
import { fixture, openssl } from './support/fixtures.ts';

const platformCert = loadCertificate(fixture('platform_cert.pem'));
const platformKey = loadPrivateKey(fixture('platform_key.pem'));
const OAEP_SHA1 = [
  '-pkeyopt',
  'rsa_padding_mode:oaep',
  '-pkeyopt',
  'rsa_oaep_md:sha1',
  '-pkeyopt',
  'rsa_mgf1_md:sha1',
];

describe('encryptField / decryptField', () => {
  it('round-trips under a certificate, a public key, PEM and the private key', () => {
    for (const key of [
      platformCert,
      platformCert.publicKey,
      fixture('platform_cert.pem'),
      fixture('platform_cert.pem').toString(),
    ]) {
      expect(decryptField(encryptField('张三 13800138000', key), platformKey)).toBe(
        '张三 13800138000',
      );
    }
  });

  it('is randomised: the same field never encrypts twice the same', () => {
    expect(encryptField('a', platformCert)).not.toBe(encryptField('a', platformCert));
  });

  it('our ciphertext decrypts with openssl pkeyutl (OAEP, SHA-1, MGF1-SHA-1)', () => {
    const ciphertext = Buffer.from(encryptField('13800138000', platformCert), 'base64');
    const result = openssl(
      ['pkeyutl', '-decrypt', '-inkey', '{key.pem}', '-in', '{ct}', ...OAEP_SHA1],
      {
        'key.pem': fixture('platform_key.pem'),
        ct: ciphertext,
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toBe('13800138000');
  });

  it('decrypts what openssl pkeyutl -encrypt made', () => {
    const result = openssl(
      ['pkeyutl', '-encrypt', '-certin', '-inkey', '{cert.pem}', '-in', '{pt}', ...OAEP_SHA1],
      { 'cert.pem': fixture('platform_cert.pem'), pt: '身份证 110101199003070000' },
    );
    expect(result.status).toBe(0);
    expect(decryptField(result.stdout.toString('base64'), platformKey)).toBe(
      '身份证 110101199003070000',
    );
  });

  it('refuses OAEP with SHA-256 made by openssl (another padding)', () => {
    const result = openssl(
      [
        'pkeyutl',
        '-encrypt',
        '-certin',
        '-inkey',
        '{cert.pem}',
        '-in',
        '{pt}',
        '-pkeyopt',
        'rsa_padding_mode:oaep',
        '-pkeyopt',
        'rsa_oaep_md:sha256',
      ],
      { 'cert.pem': fixture('platform_cert.pem'), pt: 'x' },
    );
    expect(result.status).toBe(0);
    expect(() => decryptField(result.stdout.toString('base64'), platformKey)).toThrow(
      expect.objectContaining({
        code: 'ERR_V3_DECRYPT_FAILED',
        message: 'field could not be decrypted',
      }),
    );
  });

  it('refuses a ciphertext under another key with the same vague failure', () => {
    const other = loadPublicKey(fixture('pubkey_mode_pub.pem'));
    expect(() => decryptField(encryptField('x', other), platformKey)).toThrow(
      expect.objectContaining({ code: 'ERR_V3_DECRYPT_FAILED' }),
    );
  });

  it('refuses a ciphertext that is not strict base64', () => {
    const good = encryptField('x', platformCert);
    for (const bad of [`${good}\n`, good.replace(/=+$/, ''), '']) {
      expect(() => decryptField(bad, platformKey)).toThrow(V3Error);
    }
  });

  it('a plaintext over the OAEP limit is a RangeError naming plaintext, before OpenSSL', () => {
    expect(encryptField('a'.repeat(214), platformCert)).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const tooLong = () => encryptField('a'.repeat(215), platformCert);
    expect(tooLong).toThrow(RangeError);
    expect(tooLong).toThrow(/^plaintext: at most 214 UTF-8 bytes .* got 215$/);
    expect(() => encryptField('张'.repeat(72), platformCert)).toThrow(/got 216$/);
  });

  it('refuses keys of the wrong kind', () => {
    expect(() => encryptField('x', platformKey as never)).toThrow(TypeError);
    expect(() => decryptField(encryptField('x', platformCert), platformCert.publicKey)).toThrow(
      TypeError,
    );
    expect(() => encryptField(42 as never, platformCert)).toThrow(TypeError);
  });

  it('property: encrypt then decrypt gives the field back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (field) => {
        return decryptField(encryptField(field, platformCert), platformKey) === field;
      }),
      { numRuns: 30 },
    );
  });
});
