import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { VerifierStore } from '@qqwxpay/codec-v3';
import { selfSignedCertificate } from '../../../scripts/test-support/certificate.ts';

/** A WeChat Pay platform signing key and the serial its callbacks name. */
export interface PlatformKey {
  privateKey: KeyObject;
  serial: string;
  /** The certificate PEM (certificate mode) or the public key PEM (public-key mode). */
  pem: string;
  /** The private key as PKCS#8 PEM, for leak checks. */
  privatePem: string;
}

/** The V2 API key of every test here (32 characters, as WeChat Pay issues them). */
export const API_KEY = 'Qs7vT2mX9pL4kW8nR3cY6bH1jF5dZ0aE';
/** The APIv3 key of every test here (32 bytes). */
export const API_V3_KEY = 'f3K9wP2xV7mQ4tL8nB6cR1yH5jD0sZ3a';
/** The clock the tests agree on: one minute from now, inside every certificate made here. */
export const NOW: number = Math.floor(Date.now() / 1000) + 60;

/** A platform key with a self-signed certificate made by the openssl CLI now. */
export function certificateKey(
  serialHex = '6A1C0E44D2B3F5A7980C1D2E3F405162738495A6',
): PlatformKey {
  const { keyPem, certPem } = selfSignedCertificate(serialHex, 'Tenpay.com security test platform');
  return {
    privateKey: createPrivateKey(keyPem),
    serial: serialHex,
    pem: certPem,
    privatePem: keyPem,
  };
}

/** A platform key in public-key mode, filed under a `PUB_KEY_ID_` id. */
export function publicKeyModeKey(id = 'PUB_KEY_ID_0114232134912410000000000000'): PlatformKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey,
    serial: id,
    pem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}

/** Both platform keys, as during a migration from certificates to public keys. */
export interface Platform {
  cert: PlatformKey;
  pub: PlatformKey;
  verifiers: VerifierStore;
}

let cached: Platform | undefined;

/** The platform keys of this test file, made once. */
export function platform(): Platform {
  if (cached) return cached;
  const cert = certificateKey();
  const pub = publicKeyModeKey();
  const verifiers = new VerifierStore();
  verifiers.addCertificate(cert.pem);
  verifiers.addPublicKey(pub.serial, pub.pem);
  cached = { cert, pub, verifiers };
  return cached;
}
