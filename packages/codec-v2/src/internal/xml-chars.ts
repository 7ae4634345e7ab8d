/**
 * Whether `text` holds a character XML 1.0 cannot carry: C0 controls other than tab, LF and
 * CR, U+FFFE, U+FFFF, or a UTF-16 surrogate without its partner.
 */
export function hasForbiddenXmlChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x20 && unit < 0xd800) continue;
    if (unit < 0x20) {
      if (unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) return true;
    } else if (unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (unit <= 0xdfff || unit === 0xfffe || unit === 0xffff) {
      return true;
    }
  }
  return false;
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
