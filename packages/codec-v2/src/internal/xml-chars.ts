// Any UTF-16 unit outside tab, LF, CR and U+0020-U+FFFD: the C0 controls XML forbids, U+FFFE
// and U+FFFF. One negated class, no look-around: linear time. Surrogate units are inside the
// range; a lone one is left to isWellFormed().
const FORBIDDEN = /[^\t\n\r\x20-\uFFFD]/;

/**
 * Whether `text` holds a character XML 1.0 cannot carry: C0 controls other than tab, LF and
 * CR, U+FFFE, U+FFFF, or a UTF-16 surrogate without its partner.
 */
export function hasForbiddenXmlChar(text: string): boolean {
  return !(text as string & { isWellFormed(): boolean }).isWellFormed() || FORBIDDEN.test(text);
}

/** Whether a code point may appear in an XML 1.0 document. */
export function isXmlChar(codePoint: number): boolean {
  if (codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd) return true;
  if (codePoint >= 0x20 && codePoint <= 0xd7ff) return true;
  if (codePoint >= 0xe000 && codePoint <= 0xfffd) return true;
  return codePoint >= 0x10000 && codePoint <= 0x10ffff;
}

/** XML white space: space, tab, carriage return, line feed. */
export function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}
