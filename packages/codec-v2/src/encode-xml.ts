import { writeFlatXml } from './internal/write-flat-xml.ts';
import type { V2Params } from './types.ts';

/**
 * Encodes V2 parameters as one `<xml>` element with a child per non-empty field, values in
 * CDATA (a value holding `]]>` is split so it survives). {@link decodeXml} gives back exactly
 * the strings written.
 *
 * @param params - the fields; `''`, `null` and `undefined` are left out like in signing
 * @returns the XML text (UTF-8 when sent)
 * @throws TypeError when a value is not a string or safe integer, holds a character XML 1.0
 *   forbids (most control characters, lone surrogates), or a name is not a V2 field name
 * @example
 * ```ts
 * encodeXml({ return_code: 'SUCCESS', return_msg: 'OK' });
 * // '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>'
 * ```
 */
export function encodeXml(params: V2Params): string {
  return writeFlatXml(params, 'xml', 'params');
}
