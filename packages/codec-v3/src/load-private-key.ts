import { createPrivateKey, type KeyObject } from 'node:crypto';
import { V3Error } from './errors.ts';
import { describe, toBytes } from './internal/bytes.ts';
import { privateKeyFromPkcs12 } from './internal/pkcs12.ts';
import { requireRsa } from './internal/rsa-key.ts';

/** Options of {@link loadPrivateKey}. */
export interface LoadPrivateKeyOptions {
  /** Passphrase of an encrypted PEM or a PKCS#12 file (WeChat Pay's p12 use the merchant id). */
  passphrase?: string;
}

const PEM_START = '-----BEGIN ';

/**
 * Loads the merchant's RSA private key (2048 bits or more) once, from PEM (PKCS#8, PKCS#1,
 * encrypted PKCS#8; a leading UTF-8 BOM and lines around the one private key block, such as
 * `openssl pkcs12 -nodes` output, are allowed), DER (PKCS#8 or PKCS#1), or a PKCS#12 file such
 * as `apiclient_cert.p12` (detected by content).
 *
 * @param input - PEM text, or the bytes of a PEM or PKCS#12 file
 * @param options - `passphrase` for encrypted inputs
 * @returns a reusable private KeyObject
 * @throws V3Error `ERR_V3_KEY_INVALID` when the input is not one readable RSA private key of at
 *   least 2048 bits
 * @throws TypeError when `input` is neither a string nor bytes
 * @example
 * ```ts
 * const key = loadPrivateKey(readFileSync('apiclient_cert.p12'), { passphrase: '1230000109' });
 * ```
 */
export function loadPrivateKey(
  input: string | Uint8Array,
  options: LoadPrivateKeyOptions = {},
): KeyObject {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new TypeError(`input: expected PEM text or bytes, got ${describe(input)}`);
  }
  const { passphrase } = options;
  if (passphrase !== undefined && typeof passphrase !== 'string') {
    throw new TypeError(`passphrase: expected a string, got ${describe(passphrase)}`);
  }

  const bytes = withoutBom(toBytes(input));
  const text = bytes.toString('latin1');
  if (text.trimStart().startsWith(PEM_START) || (bytes[0] !== 0x30 && text.includes(PEM_START))) {
    return requireRsa(fromPem(onePrivateKeyBlock(text), passphrase), 'private key');
  }
  if (bytes[0] === 0x30) {
    const der = fromDer(bytes, passphrase);
    if (der !== undefined) return requireRsa(der, 'private key');
    return requireRsa(privateKeyFromPkcs12(bytes, passphrase ?? ''), 'private key');
  }
  throw new V3Error('ERR_V3_KEY_INVALID', 'private key is neither PEM, DER nor PKCS#12');
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function withoutBom(bytes: Buffer): Buffer {
  return UTF8_BOM.every((byte, i) => bytes[i] === byte) ? bytes.subarray(3) : bytes;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;
const PRIVATE_LABELS: ReadonlySet<string> = new Set([
  'PRIVATE KEY',
  'RSA PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
]);

/**
 * Picks the one private key block of PEM text, which may carry other lines and blocks around it
 * (such as the `Bag Attributes` and certificate that `openssl pkcs12 -nodes` writes).
 */
function onePrivateKeyBlock(text: string): string {
  const blocks = [...text.matchAll(PEM_BLOCK)].filter((m) => PRIVATE_LABELS.has(m[1]!));
  if (blocks.length === 0) {
    throw new V3Error('ERR_V3_KEY_INVALID', 'private key PEM holds no PRIVATE KEY block');
  }
  if (blocks.length > 1) {
    throw new V3Error(
      'ERR_V3_KEY_INVALID',
      `private key PEM holds ${blocks.length} private key blocks, expected 1`,
    );
  }
  return blocks[0]![0];
}

/** Reads DER PKCS#8 (plain or encrypted) or PKCS#1; undefined when it is neither. */
function fromDer(der: Buffer, passphrase: string | undefined): KeyObject | undefined {
  for (const type of ['pkcs8', 'pkcs1'] as const) {
    try {
      return createPrivateKey(
        passphrase === undefined
          ? { key: der, format: 'der', type }
          : { key: der, format: 'der', type, passphrase },
      );
    } catch {
      // Not this encoding; the next one, then PKCS#12, is tried.
    }
  }
  return undefined;
}

function fromPem(pem: string, passphrase: string | undefined): KeyObject {
  try {
    const key = createPrivateKey(
      passphrase === undefined
        ? { key: pem, format: 'pem' }
        : { key: pem, format: 'pem', passphrase },
    );
    return key;
  } catch (cause) {
    throw new V3Error('ERR_V3_KEY_INVALID', 'private key PEM could not be read', {
      cause: new Error((cause as Error).message.slice(0, 120)),
    });
  }
}
