import { type KeyObject, X509Certificate } from 'node:crypto';
import { V3Error } from './errors.ts';
import { describe, toBytes } from './internal/bytes.ts';

/** A platform (or merchant) certificate, read once. */
export interface LoadedCertificate {
  /** The serial number as upper-case hex, exactly as WeChat Pay writes it in `Wechatpay-Serial`. */
  serial: string;
  /** The certificate's RSA public key. */
  publicKey: KeyObject;
  /** Start of validity. */
  notBefore: Date;
  /** End of validity. */
  notAfter: Date;
}

/**
 * Reads an X.509 certificate and its serial as upper-case hex (never as a number).
 *
 * @param pem - the certificate, PEM text or bytes (PEM or DER)
 * @returns the serial, public key and validity period
 * @throws V3Error `ERR_V3_CERTIFICATE_INVALID` when it is not a certificate with an RSA key
 * @throws TypeError when `pem` is neither a string nor bytes
 * @example
 * ```ts
 * const { serial } = loadCertificate(readFileSync('wechatpay_platform.pem'));
 * ```
 */
export function loadCertificate(pem: string | Uint8Array): LoadedCertificate {
  if (typeof pem !== 'string' && !(pem instanceof Uint8Array)) {
    throw new TypeError(`pem: expected PEM text or bytes, got ${describe(pem)}`);
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(toBytes(pem));
  } catch (cause) {
    throw new V3Error('ERR_V3_CERTIFICATE_INVALID', 'certificate could not be read', {
      cause: new Error((cause as Error).message.slice(0, 120)),
    });
  }

  const publicKey = cert.publicKey;
  if (publicKey.asymmetricKeyType !== 'rsa') {
    throw new V3Error('ERR_V3_CERTIFICATE_INVALID', 'certificate does not hold an RSA key');
  }
  const notBefore = new Date(cert.validFrom);
  const notAfter = new Date(cert.validTo);
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) {
    throw new V3Error('ERR_V3_CERTIFICATE_INVALID', 'certificate validity could not be read');
  }
  return { serial: cert.serialNumber.toUpperCase(), publicKey, notBefore, notAfter };
}
