import { V2Error } from '../errors.ts';
import { describe } from './params.ts';

/** The largest body {@link decodeXml} reads unless told otherwise: 64 KiB. */
export const DEFAULT_MAX_BYTES = 65_536;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Turns a received body into text, refusing one over `maxBytes` before decoding anything and
 * one that is not valid UTF-8.
 */
export function xmlText(xml: string | Uint8Array, maxBytes: number | undefined): string {
  const limit = maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`options.maxBytes must be a positive integer, got ${String(maxBytes)}`);
  }
  if (typeof xml === 'string') {
    if (xml.length > limit || (xml.length * 3 > limit && Buffer.byteLength(xml) > limit)) {
      throw tooLarge(limit);
    }
    return xml;
  }
  if (!(xml instanceof Uint8Array)) {
    throw new TypeError(`xml must be a string or a Uint8Array, got ${describe(xml)}`);
  }
  if (xml.byteLength > limit) throw tooLarge(limit);
  try {
    return utf8.decode(xml);
  } catch (cause) {
    throw new V2Error('ERR_V2_XML_MALFORMED', 'the body is not valid UTF-8', { cause });
  }
}

function tooLarge(limit: number): V2Error {
  return new V2Error('ERR_V2_XML_TOO_LARGE', `the body is over ${limit} bytes`);
}
