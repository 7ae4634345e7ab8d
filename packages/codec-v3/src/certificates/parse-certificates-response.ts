import { decryptResource, type Resource } from '../decrypt-resource.ts';
import { V3Error } from '../errors.ts';
import type { HttpResponse } from '../http.ts';
import { apiError } from '../internal/api-error.ts';
import { decodeUtf8Strict, toBytes } from '../internal/bytes.ts';
import { parseMessage } from '../internal/check-schema.ts';
import { nowSeconds } from '../internal/fields.ts';
import { type LoadedCertificate, loadCertificate } from '../load-certificate.ts';
import { VerifierStore } from '../verifier-store.ts';
import { verifyResponse } from '../verify-response.ts';
import { type CertificatesBody, certificatesBodySchema } from './certificates-body.ts';

/** Options of {@link parseCertificatesResponse}. */
export interface ParseCertificatesOptions {
  /** The 32-byte APIv3 key that encrypts each certificate. */
  apiV3Key: string | Uint8Array;
  /** Keys already trusted; new certificates are merged into it after the response verified. */
  verifiers?: VerifierStore;
  /** The current time; the clock by default. */
  now?: Date | number;
  /** Timestamp window in seconds; 300 by default. */
  windowSeconds?: number;
}

/**
 * Reads a `GET /v3/certificates` answer: decrypts each `encrypt_certificate` with the APIv3 key,
 * checks each serial and validity, verifies the response signature with the certificates it
 * vouches for (and those already trusted), then merges them into `verifiers`.
 *
 * @param response - the status, headers and raw body
 * @param options - `apiV3Key`, `verifiers` to merge into, `now`, `windowSeconds`
 * @returns the certificates that are valid now, after the response verified
 * @throws V3ApiError for a non-2xx answer
 * @throws V3Error `ERR_V3_BODY_MALFORMED`, `ERR_V3_SCHEMA_VIOLATION`, `ERR_V3_DECRYPT_FAILED`,
 *   `ERR_V3_CERTIFICATE_INVALID` (serial differs from `serial_no`), and every code of
 *   verifySignature
 * @throws RangeError when the APIv3 key is not 32 bytes
 * @example
 * ```ts
 * const certificates = parseCertificatesResponse(response, { apiV3Key, verifiers });
 * ```
 */
export function parseCertificatesResponse(
  response: HttpResponse,
  options: ParseCertificatesOptions,
): LoadedCertificate[] {
  const now = nowSeconds(options.now);
  if (response.status < 200 || response.status > 299) throw apiError(response);

  const listed = readBody(response.body);
  const certificates: LoadedCertificate[] = [];
  for (const [index, entry] of listed.data.entries()) {
    const pem = decryptResource(entry.encrypt_certificate as Resource, options.apiV3Key);
    const cert = loadCertificate(pem);
    if (cert.serial !== entry.serial_no.toUpperCase()) {
      throw new V3Error(
        'ERR_V3_CERTIFICATE_INVALID',
        `certificate ${index} has serial ${cert.serial}, listed as ${entry.serial_no.slice(0, 64)}`,
        { serial: cert.serial, field: `data.${index}.serial_no` },
      );
    }
    const valid = cert.notBefore.getTime() / 1000 <= now && now <= cert.notAfter.getTime() / 1000;
    if (valid) certificates.push(cert);
  }

  const trusted = options.verifiers?.copy() ?? new VerifierStore();
  for (const cert of certificates) trusted.addCertificate(cert, { now });
  verifyResponse(response, {
    verifiers: trusted,
    now,
    ...(options.windowSeconds === undefined ? {} : { windowSeconds: options.windowSeconds }),
  });

  for (const cert of certificates) options.verifiers?.addCertificate(cert, { now });
  return certificates;
}

function readBody(body: string | Uint8Array): CertificatesBody {
  const text = decodeUtf8Strict(toBytes(body));
  let json: unknown;
  try {
    json = text === undefined ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (json === undefined)
    throw new V3Error('ERR_V3_BODY_MALFORMED', 'certificates body is not JSON');
  return parseMessage(certificatesBodySchema, json, 'certificates response');
}
