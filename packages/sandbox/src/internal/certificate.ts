import { type KeyObject, randomBytes, sign, X509Certificate } from 'node:crypto';
import {
  bitString,
  explicit,
  nullValue,
  objectIdentifier,
  sequence,
  set,
  time,
  unsignedInteger,
  utf8String,
} from './der.ts';

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const COMMON_NAME = '2.5.4.3';
const ORGANIZATION = '2.5.4.10';

/** What {@link issueCertificate} needs. */
export interface CertificateRequest {
  /** The key the certificate certifies. */
  publicKey: KeyObject;
  /** The key that signs it (the subject's own for a self-signed one). */
  signingKey: KeyObject;
  /** The subject's common name. */
  commonName: string;
  /** The subject's organisation. */
  organization: string;
  /** Start of validity. */
  notBefore: Date;
  /** End of validity. */
  notAfter: Date;
}

/** A certificate as PEM with its serial as WeChat Pay writes it: upper-case hex. */
export interface IssuedCertificate {
  pem: string;
  serial: string;
}

function name(commonName: string, organization: string): Buffer {
  const attribute = (oid: string, value: string) =>
    set(sequence(objectIdentifier(oid), utf8String(value)));
  return sequence(attribute(ORGANIZATION, organization), attribute(COMMON_NAME, commonName));
}

/**
 * Issues a self-signed X.509 v3 certificate (SHA-256 with RSA), the stand-in for WeChat Pay's
 * merchant API certificates and platform certificates. The serial is 20 random bytes with the
 * top bit clear, so it encodes as a positive 20-byte integer.
 */
export function issueCertificate(request: CertificateRequest): IssuedCertificate {
  const serialBytes = randomBytes(20);
  serialBytes[0] = ((serialBytes[0] ?? 0) & 0x7f) | 0x10;
  const algorithm = sequence(objectIdentifier(SHA256_WITH_RSA), nullValue());
  const subject = name(request.commonName, request.organization);
  const spki = request.publicKey.export({ type: 'spki', format: 'der' });

  const tbs = sequence(
    explicit(0, unsignedInteger(Buffer.from([2]))),
    unsignedInteger(serialBytes),
    algorithm,
    subject,
    sequence(time(request.notBefore), time(request.notAfter)),
    subject,
    spki,
  );
  const signature = sign('sha256', tbs, request.signingKey);
  const der = sequence(tbs, algorithm, bitString(signature));

  const base64 = der.toString('base64').replace(/.{64}/g, '$&\n');
  const pem = `-----BEGIN CERTIFICATE-----\n${base64.replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  return { pem, serial: new X509Certificate(pem).serialNumber.toUpperCase() };
}
