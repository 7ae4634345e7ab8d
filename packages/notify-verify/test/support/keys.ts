import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { VerifierStore } from '@qqwxpay/codec-v3';
import { selfSignedCertificate } from '../../../../scripts/test-support/certificate.ts';

/** A platform signing key with the serial WeChat Pay would send. */
export interface PlatformKey {
  privateKey: KeyObject;
  serial: string;
  /** PEM of the certificate (certificate mode) or the public key (public-key mode). */
  pem: string;
}

/** A platform key with a self-signed X.509 certificate, made by openssl at test time. */
export function certificateKey(): PlatformKey {
  const serial = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
  const { keyPem, certPem } = selfSignedCertificate(serial, 'Tenpay.com Root CA test');
  return { privateKey: createPrivateKey(keyPem), serial, pem: certPem };
}

/** A platform key in WeChat Pay's public-key mode, with a `PUB_KEY_ID_` id. */
export function publicKeyModeKey(): PlatformKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey,
    serial: 'PUB_KEY_ID_0114232134912410000000000000',
    pem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
}

/** A verifier store holding both keys, as during a migration. */
export function verifiersFor(cert: PlatformKey, pub: PlatformKey): VerifierStore {
  const verifiers = new VerifierStore();
  verifiers.addCertificate(cert.pem);
  verifiers.addPublicKey(pub.serial, pub.pem);
  return verifiers;
}
