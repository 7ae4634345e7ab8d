import { describe, expect, it } from 'vitest';
import { loadCertificate, loadPublicKey } from '../src/index.ts';
import { fixture, openssl } from './support/fixtures.ts';

describe('loadCertificate', () => {
  it('reads the serial as upper-case hex, leading zero kept, as openssl prints it', () => {
    for (const name of ['platform_cert.pem', 'platform2_cert.pem', 'merchant_cert.pem']) {
      const printed = openssl(['x509', '-in', '{c.pem}', '-noout', '-serial'], {
        'c.pem': fixture(name),
      });
      const serial = printed.stdout
        .toString()
        .trim()
        .replace(/^serial=/, '');
      expect(loadCertificate(fixture(name)).serial).toBe(serial);
    }
    expect(loadCertificate(fixture('platform_cert.pem')).serial).toBe(
      '0A1B2C3D4E5F60718293A4B5C6D7E8F901234567',
    );
  });

  it('reads validity dates and the RSA public key', () => {
    const cert = loadCertificate(fixture('platform_cert.pem').toString());
    expect(cert.notAfter.getTime()).toBeGreaterThan(cert.notBefore.getTime());
    expect(cert.publicKey.asymmetricKeyType).toBe('rsa');
  });

  it('refuses what is not a certificate', () => {
    expect(() => loadCertificate(fixture('platform_key.pem'))).toThrow(
      expect.objectContaining({ code: 'ERR_V3_CERTIFICATE_INVALID' }),
    );
    expect(() => loadCertificate(null as never)).toThrow(TypeError);
  });
});

describe('loadPublicKey', () => {
  it('reads an SPKI PEM and refuses garbage and EC keys', () => {
    expect(loadPublicKey(fixture('pubkey_mode_pub.pem')).asymmetricKeyType).toBe('rsa');
    expect(() =>
      loadPublicKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'),
    ).toThrow(expect.objectContaining({ code: 'ERR_V3_KEY_INVALID' }));
    expect(() => loadPublicKey(fixture('ec_key.pem'))).toThrow(
      expect.objectContaining({ code: 'ERR_V3_KEY_INVALID' }),
    );
  });
});
