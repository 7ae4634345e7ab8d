import { scanFlatXml } from './internal/scan-flat-xml.ts';
import { xmlText } from './internal/xml-input.ts';
import type { V2Fields } from './types.ts';

/** Options of {@link decodeXml}. */
export interface DecodeXmlOptions {
  /** The largest body accepted, in UTF-8 bytes; 65,536 by default. */
  maxBytes?: number;
}

/**
 * Decodes a V2 XML body into a flat map of the exact strings sent: never numbers (`000123`
 * and 28-digit ids survive), CDATA verbatim, white space kept. Only the flat subset V2 uses
 * is read; DOCTYPE, entity declarations and processing instructions are refused before any
 * field is read. The map has a null prototype, so `__proto__` is an ordinary field.
 *
 * @param xml - the body, as text or UTF-8 bytes
 * @param options - the size limit
 * @returns the fields by name
 * @throws V2Error `ERR_V2_XML_TOO_LARGE`, `ERR_V2_XML_DOCTYPE`, `ERR_V2_XML_ENTITY`,
 *   `ERR_V2_XML_PROCESSING_INSTRUCTION`, `ERR_V2_XML_ROOT` (root not `<xml>`),
 *   `ERR_V2_XML_NESTED`, `ERR_V2_XML_DUPLICATE_FIELD`, `ERR_V2_XML_MALFORMED`
 * @throws TypeError when `xml` is neither a string nor bytes
 * @throws RangeError when `options.maxBytes` is not a positive integer
 * @example
 * ```ts
 * decodeXml('<xml><total_fee><![CDATA[007]]></total_fee></xml>').total_fee; // '007'
 * ```
 */
export function decodeXml(xml: string | Uint8Array, options: DecodeXmlOptions = {}): V2Fields {
  return scanFlatXml(xmlText(xml, options.maxBytes), 'xml');
}
