/**
 * Error codes that mean "well formed, but not authentic or not decryptable": exit status 1.
 * Every other coded failure (usage, malformed or refused input) is exit status 2.
 */
export const NOT_AUTHENTIC_CODES: ReadonlySet<string> = new Set<string>([
  // codec-v2
  'ERR_V2_SIGNATURE_MISMATCH',
  'ERR_V2_SIGNATURE_MISSING',
  'ERR_V2_SIGNATURE_AMBIGUOUS',
  'ERR_V2_DECRYPT_FAILED',
  // codec-v3
  'ERR_V3_SIGNATURE_MISMATCH',
  'ERR_V3_SIGNATURE_MISSING',
  'ERR_V3_SIGNATURE_PROBE',
  'ERR_V3_TIMESTAMP_OUT_OF_WINDOW',
  'ERR_V3_SERIAL_UNKNOWN',
  'ERR_V3_CERTIFICATE_EXPIRED',
  'ERR_V3_DECRYPT_FAILED',
  // notify-verify: none of its own; signature and decryption failures keep the codecs' codes
]);

/** The exit status for a failure carrying `code`. */
export function exitCodeFor(code: string): 1 | 2 {
  return NOT_AUTHENTIC_CODES.has(code) ? 1 : 2;
}
