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
 * Loads the merchant's RSA private key once, from PEM (PKCS#8, PKCS#1, encrypted PKCS#8) or a
 * PKCS#12 file such as `apiclient_cert.p12` (detected by content).
 *
 * @param input - PEM text, or the bytes of a PEM or PKCS#12 file
 * @param options - `passphrase` for encrypted inputs
 * @returns a reusable private KeyObject
 * @throws V3Error `ERR_V3_KEY_INVALID` when the input is not a readable RSA private key
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

  const bytes = toBytes(input);
  const text = bytes.toString('latin1');
  if (text.trimStart().startsWith(PEM_START)) {
    return requireRsa(fromPem(text, passphrase), 'private key');
  }
  if (bytes[0] === 0x30) {
    return requireRsa(privateKeyFromPkcs12(bytes, passphrase ?? ''), 'private key');
  }
  throw new V3Error('ERR_V3_KEY_INVALID', 'private key is neither PEM nor PKCS#12');
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
