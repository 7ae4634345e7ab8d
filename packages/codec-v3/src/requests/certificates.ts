import type { HttpRequest } from '../http.ts';
import { type RequestOptions, unsignedRequest } from './base.ts';

/**
 * Builds the unsigned platform certificate download, `GET /v3/certificates`; read the answer
 * with {@link parseCertificatesResponse}.
 *
 * @param options - `baseUrl`
 * @returns the request
 * @throws TypeError when `baseUrl` is not an origin
 * @example
 * ```ts
 * const response = await send(signer.sign(certificatesRequest()));
 * ```
 */
export function certificatesRequest(options: RequestOptions = {}): HttpRequest {
  return unsignedRequest('GET', '/v3/certificates', undefined, options);
}
