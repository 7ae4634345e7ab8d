import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueCertificate } from '../../src/internal/certificate.ts';

describe('issueCertificate', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });

  it('issues a certificate node:crypto parses, verifies and reads back', () => {
    const notBefore = new Date('2026-01-01T00:00:00Z');
    const notAfter = new Date('2051-01-01T00:00:00Z');
    const issued = issueCertificate({
      publicKey,
      signingKey: privateKey,
      commonName: 'Sandbox merchant',
      organization: 'qqwxpay sandbox',
      notBefore,
      notAfter,
    });
    const parsed = new X509Certificate(issued.pem);

    expect(parsed.verify(publicKey)).toBe(true);
    expect(parsed.verify(other.publicKey)).toBe(false);
    expect(parsed.subject).toContain('CN=Sandbox merchant');
    expect(new Date(parsed.validFrom).getTime()).toBe(notBefore.getTime());
    expect(new Date(parsed.validTo).getTime()).toBe(notAfter.getTime());
    expect(parsed.publicKey.equals(publicKey)).toBe(true);
    expect(issued.serial).toMatch(/^[0-9A-F]{40}$/);
  });

  it('gives each certificate its own serial', () => {
    const request = {
      publicKey,
      signingKey: privateKey,
      commonName: 'a',
      organization: 'b',
      notBefore: new Date(),
      notAfter: new Date(Date.now() + 86_400_000),
    };
    expect(issueCertificate(request).serial).not.toBe(issueCertificate(request).serial);
  });
});
