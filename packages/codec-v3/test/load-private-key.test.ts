import { sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadCertificate, loadPrivateKey } from '../src/index.ts';
import { fixture, openssl } from './support/fixtures.ts';

const merchantCert = loadCertificate(fixture('merchant_cert.pem'));

function signsForMerchant(key: ReturnType<typeof loadPrivateKey>): boolean {
  const signature = sign('sha256', Buffer.from('probe'), key);
  return verify('sha256', Buffer.from('probe'), merchantCert.publicKey, signature);
}

describe('loadPrivateKey', () => {
  it.each(['merchant_key.pem', 'merchant_key_pkcs1.pem'])(
    'reads %s (PEM text and bytes)',
    (name) => {
      expect(signsForMerchant(loadPrivateKey(fixture(name)))).toBe(true);
      expect(signsForMerchant(loadPrivateKey(fixture(name).toString('utf8')))).toBe(true);
    },
  );

  it('reads an encrypted PKCS#8 PEM with its passphrase only', () => {
    expect(
      signsForMerchant(
        loadPrivateKey(fixture('merchant_key_encrypted.pem'), { passphrase: 'secret-pass' }),
      ),
    ).toBe(true);
    expect(() =>
      loadPrivateKey(fixture('merchant_key_encrypted.pem'), { passphrase: 'wrong' }),
    ).toThrow(expect.objectContaining({ code: 'ERR_V3_KEY_INVALID' }));
  });

  it.each([
    [
      'merchant_legacy.p12',
      'openssl pkcs12 -export -legacy: PBE-SHA1-3DES key, PBE-SHA1-RC2-40 certificate, SHA-1 MAC',
    ],
    [
      'merchant_aes.p12',
      'openssl pkcs12 -export (OpenSSL 3 default): PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, SHA-256 MAC',
    ],
    ['merchant_3des.p12', 'PBE-SHA1-3DES for key and certificate, SHA-1 MAC'],
    ['merchant_aes128_nocertenc.p12', 'PBES2 AES-128-CBC key, unencrypted certificate'],
  ])('reads the PKCS#12 file %s (%s) with the merchant id as passphrase', (name) => {
    expect(signsForMerchant(loadPrivateKey(fixture(name), { passphrase: '1230000109' }))).toBe(
      true,
    );
  });

  it.each(['merchant_legacy.p12', 'merchant_aes.p12'])(
    'refuses %s with a wrong passphrase',
    (name) => {
      expect(() => loadPrivateKey(fixture(name), { passphrase: '1230000108' })).toThrow(
        expect.objectContaining({ code: 'ERR_V3_KEY_INVALID' }),
      );
    },
  );

  it('reads a PKCS#12 file made now by openssl pkcs12 -export, legacy and default', () => {
    for (const legacy of [true, false]) {
      const args = [
        'pkcs12',
        '-export',
        ...(legacy ? ['-legacy'] : []),
        '-inkey',
        '{k.pem}',
        '-in',
        '{c.pem}',
        '-passout',
        'pass:1230000109',
        '-out',
        '{out.p12}',
      ];
      const made = openssl(
        args,
        { 'k.pem': fixture('merchant_key.pem'), 'c.pem': fixture('merchant_cert.pem') },
        undefined,
        'out.p12',
      );
      expect(made.status).toBe(0);
      expect(signsForMerchant(loadPrivateKey(made.output!, { passphrase: '1230000109' }))).toBe(
        true,
      );
    }
  });

  it('refuses keys that are not RSA, and input that is neither PEM nor PKCS#12', () => {
    expect(() => loadPrivateKey(fixture('ec_key.pem'))).toThrow(
      expect.objectContaining({ code: 'ERR_V3_KEY_INVALID' }),
    );
    expect(() => loadPrivateKey('not a key')).toThrow(
      expect.objectContaining({ code: 'ERR_V3_KEY_INVALID' }),
    );
    expect(() => loadPrivateKey(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00]))).toThrow(
      expect.objectContaining({ code: 'ERR_V3_KEY_INVALID' }),
    );
    expect(() => loadPrivateKey(fixture('platform_cert.pem'))).toThrow(
      expect.objectContaining({ code: 'ERR_V3_KEY_INVALID' }),
    );
    expect(() => loadPrivateKey(42 as never)).toThrow(TypeError);
  });

  it('never puts the passphrase in an error message', () => {
    try {
      loadPrivateKey(fixture('merchant_aes.p12'), { passphrase: 'my-secret-passphrase' });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('my-secret-passphrase');
      expect(String((error as Error).cause)).not.toContain('my-secret-passphrase');
    }
  });
});
