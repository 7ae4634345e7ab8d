import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An RSA-2048 key and its self-signed certificate, both PEM. */
export interface SelfSigned {
  keyPem: string;
  certPem: string;
}

/**
 * Makes an RSA-2048 key and a 30-day self-signed certificate with the openssl CLI, as WeChat Pay
 * platform certificates are tested here: the serial is given in upper-case hex.
 */
export function selfSignedCertificate(serialHex: string, commonName: string): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), 'qqwxpay-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        keyPath,
        '-out',
        certPath,
      ].concat(['-days', '30', '-subj', `/CN=${commonName}`, '-set_serial', `0x${serialHex}`]),
      { stdio: 'ignore' },
    );
    return { keyPem: readFileSync(keyPath, 'utf8'), certPem: readFileSync(certPath, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
