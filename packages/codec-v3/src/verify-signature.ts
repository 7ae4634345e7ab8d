import { AUTHORIZATION_SCHEME } from './build-authorization.ts';
import { V3Error } from './errors.ts';
import type { HeadersLike } from './http.ts';
import { decodeBase64Strict, describe } from './internal/bytes.ts';
import { nowSeconds } from './internal/fields.ts';
import { type HeaderReader, headerReader } from './internal/header-reader.ts';
import { rsaVerify } from './internal/rsa.ts';
import { checkValidity } from './internal/validity.ts';
import type { VerifierStore } from './verifier-store.ts';

/** A signed message as received: its headers and its raw body. */
export interface SignedMessage {
  /** The response or callback headers. */
  headers: HeadersLike;
  /** The raw body, exactly as received (never re-serialised JSON). */
  body: string | Uint8Array;
}

/** Options of {@link verifySignature}. */
export interface VerifyOptions {
  /** The keys WeChat Pay signs with, by serial. */
  verifiers: VerifierStore;
  /** The current time: a Date or Unix seconds; the clock by default. */
  now?: Date | number;
  /** How far the timestamp may be from `now`, either way, in seconds; 300 by default. */
  windowSeconds?: number;
}

/** The signature headers of a message that verified. */
export interface VerifiedHeaders {
  /** `Wechatpay-Timestamp`, Unix seconds. */
  timestamp: number;
  /** `Wechatpay-Nonce`. */
  nonce: string;
  /** `Wechatpay-Serial`: the serial of the key that verified. */
  serial: string;
  /** `Request-ID`, when present. */
  requestId: string | undefined;
}

/** The probe prefix WeChat Pay uses to check that merchants verify signatures. */
export const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/';
const TIMESTAMP = /^[0-9]{1,12}$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
const DEFAULT_WINDOW_SECONDS = 300;
const NEWLINE = Buffer.from('\n');

/**
 * Verifies the `Wechatpay-*` signature of a V3 response or callback over
 * `TIMESTAMP\nNONCE\nBODY\n` with the raw body, after checking the timestamp window and that
 * the nonce and serial are printable ASCII (a line feed in the nonce would move the boundary
 * between nonce and body without changing the signed bytes).
 *
 * @param message - the headers and the raw body
 * @param options - the verifier store, `now` and `windowSeconds`
 * @returns the verified timestamp, nonce, serial and request id
 * @throws V3Error `ERR_V3_SIGNATURE_MISSING`, `ERR_V3_HEADER_DUPLICATED`,
 *   `ERR_V3_SIGNATURE_TYPE_UNSUPPORTED`, `ERR_V3_SIGNATURE_PROBE`, `ERR_V3_TIMESTAMP_MALFORMED`,
 *   `ERR_V3_TIMESTAMP_OUT_OF_WINDOW`, `ERR_V3_SIGNATURE_MALFORMED`, `ERR_V3_SERIAL_UNKNOWN`,
 *   `ERR_V3_CERTIFICATE_EXPIRED`, `ERR_V3_SIGNATURE_MISMATCH`
 * @throws TypeError/RangeError for a malformed body type, `now` or `windowSeconds`
 * @example
 * ```ts
 * const { serial } = verifySignature({ headers: req.headers, body: rawBody }, { verifiers });
 * ```
 */
export function verifySignature(message: SignedMessage, options: VerifyOptions): VerifiedHeaders {
  const body = message.body;
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) {
    throw new TypeError(`body: expected the raw body as a string or bytes, got ${describe(body)}`);
  }
  const window = options.windowSeconds ?? DEFAULT_WINDOW_SECONDS;
  if (!Number.isSafeInteger(window) || window < 0) {
    throw new RangeError('windowSeconds: expected a non-negative whole number of seconds');
  }
  const now = nowSeconds(options.now);

  const header = headerReader(message.headers);
  const timestampText = required(header, 'Wechatpay-Timestamp');
  const nonce = printableAscii(header, 'Wechatpay-Nonce');
  const signatureText = required(header, 'Wechatpay-Signature');
  const serial = printableAscii(header, 'Wechatpay-Serial');
  const type = header('Wechatpay-Signature-Type');
  if (type !== undefined && type !== AUTHORIZATION_SCHEME) {
    throw new V3Error('ERR_V3_SIGNATURE_TYPE_UNSUPPORTED', 'unsupported Wechatpay-Signature-Type', {
      field: 'Wechatpay-Signature-Type',
    });
  }

  if (signatureText.startsWith(SIGNTEST_PREFIX)) {
    throw new V3Error('ERR_V3_SIGNATURE_PROBE', 'signature is a WECHATPAY/SIGNTEST/ probe', {
      field: 'Wechatpay-Signature',
    });
  }

  if (!TIMESTAMP.test(timestampText)) {
    throw new V3Error('ERR_V3_TIMESTAMP_MALFORMED', 'Wechatpay-Timestamp is not Unix seconds', {
      field: 'Wechatpay-Timestamp',
    });
  }
  const timestamp = Number(timestampText);
  if (Math.abs(now - timestamp) > window) {
    throw new V3Error(
      'ERR_V3_TIMESTAMP_OUT_OF_WINDOW',
      `Wechatpay-Timestamp is ${Math.abs(now - timestamp)} s away, more than ${window} s`,
      { field: 'Wechatpay-Timestamp' },
    );
  }

  const signature = decodeBase64Strict(signatureText);
  if (!signature) {
    throw new V3Error('ERR_V3_SIGNATURE_MALFORMED', 'Wechatpay-Signature is not strict base64', {
      field: 'Wechatpay-Signature',
    });
  }

  const verifier = options.verifiers.get(serial);
  if (!verifier) {
    throw new V3Error('ERR_V3_SERIAL_UNKNOWN', `no verifier for serial ${printable(serial)}`, {
      serial: printable(serial),
    });
  }
  checkValidity(verifier, now);

  const signed =
    typeof body === 'string'
      ? Buffer.from(`${timestampText}\n${nonce}\n${body}\n`, 'utf8')
      : Buffer.concat([Buffer.from(`${timestampText}\n${nonce}\n`, 'utf8'), body, NEWLINE]);
  if (!rsaVerify(verifier.publicKey, signed, signature)) {
    throw new V3Error('ERR_V3_SIGNATURE_MISMATCH', 'Wechatpay-Signature does not verify', {
      serial,
    });
  }

  return { timestamp, nonce, serial, requestId: header('Request-ID') };
}

function required(header: HeaderReader, name: string): string {
  const value = header(name);
  if (value === undefined || value === '') {
    throw new V3Error('ERR_V3_SIGNATURE_MISSING', `header ${name} is missing`, { field: name });
  }
  return value;
}

/**
 * A signature header that must be printable ASCII. The nonce goes into the signed message
 * between line feeds, so a nonce holding a line feed could take bytes of a body that was
 * signed and still verify with a shorter body.
 */
function printableAscii(header: HeaderReader, name: string): string {
  const value = required(header, name);
  if (!PRINTABLE_ASCII.test(value)) {
    const message = `${name} holds a character other than printable ASCII`;
    throw new V3Error('ERR_V3_SIGNATURE_MALFORMED', message, { field: name });
  }
  return value;
}

function printable(serial: string): string {
  return serial.replace(/[^\x21-\x7e]/g, '?').slice(0, 64);
}
