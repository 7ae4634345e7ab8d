import { decodeXml } from './decode-xml.ts';
import { checkSignature } from './internal/check-signature.ts';
import type { SignType, V2Fields } from './types.ts';

/** Options of {@link verifyXml}. */
export interface VerifyXmlOptions {
  /** The algorithm when the body carries no `sign_type`; MD5 by default. */
  signType?: SignType;
  /** The largest body accepted, in UTF-8 bytes; 65,536 by default. */
  maxBytes?: number;
}

/**
 * Decodes a V2 XML body and verifies its signature over every field received, refusing
 * values whose end the signature does not fix as {@link verify} does.
 *
 * @param xml - the body, as text or UTF-8 bytes
 * @param key - the merchant's API key
 * @param options - the fallback algorithm and the size limit
 * @returns every field, after the signature verified
 * @throws V2Error every code of {@link decodeXml} and {@link verify}
 * @throws TypeError for a bad key or a body that is neither text nor bytes
 * @example
 * ```ts
 * const fields = verifyXml(await request.text(), key);
 * ```
 */
export function verifyXml(
  xml: string | Uint8Array,
  key: string,
  options: VerifyXmlOptions = {},
): V2Fields {
  const fields = decodeXml(
    xml,
    options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes },
  );
  // The decoded map is new and unshared, so it is checked and returned without a copy.
  checkSignature(fields, key, options.signType);
  return fields;
}
