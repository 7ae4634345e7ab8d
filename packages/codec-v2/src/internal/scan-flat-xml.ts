import { V2Error, type V2ErrorCode } from '../errors.ts';
import type { V2Fields } from '../types.ts';
import { isFieldName } from './params.ts';
import { hasForbiddenXmlChar, isXmlChar, isXmlSpace } from './xml-chars.ts';

const DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(?:\s+encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\4)?\s*\?>/;
const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

/**
 * Reads the flat subset of XML that V2 uses: an optional UTF-8 declaration, one `root`
 * element, and children holding only text and CDATA. Everything else is refused with its own
 * code, the prolog first, so a DOCTYPE or entity declaration is refused before any field is
 * read. Values are the exact strings sent: CDATA verbatim, the five predefined entities and
 * character references decoded in text, white space kept.
 */
export function scanFlatXml(text: string, root: string): V2Fields {
  const scanner = new Scanner(text);
  scanner.prolog();
  return scanner.element(root);
}

class Scanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  prolog(): void {
    const { text } = this;
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
    if (text.startsWith('<?xml', this.pos) && /[\s?]/.test(text.charAt(this.pos + 5))) {
      const match = DECLARATION.exec(text.slice(this.pos, this.pos + 200));
      if (!match) this.fail('ERR_V2_XML_MALFORMED', 'the XML declaration is malformed');
      const encoding = match[3];
      if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
        this.fail('ERR_V2_XML_MALFORMED', 'the XML declaration names an encoding other than UTF-8');
      }
      this.pos += match[0].length;
    }
    this.skipSpace();
    if (text.charCodeAt(this.pos) !== LT) this.fail('ERR_V2_XML_MALFORMED', 'no root element');
    this.markup();
  }

  element(root: string): V2Fields {
    const fields: V2Fields = Object.create(null);
    this.startTag(root);
    if (this.selfClosed) return this.end(fields);

    for (;;) {
      this.skipSpace();
      if (this.pos >= this.text.length)
        this.fail('ERR_V2_XML_MALFORMED', `<${root}> is not closed`);
      if (this.text.charCodeAt(this.pos) !== LT) {
        this.fail('ERR_V2_XML_MALFORMED', `text directly inside <${root}>`);
      }
      if (this.text.startsWith('</', this.pos)) {
        this.endTag(root);
        return this.end(fields);
      }
      this.markup();
      const field = this.startTag();
      if (!isFieldName(field)) this.fail('ERR_V2_XML_MALFORMED', 'a field name is malformed');
      if (fields[field] !== undefined) {
        this.fail('ERR_V2_XML_DUPLICATE_FIELD', `the field ${field} appears twice`, field);
      }
      fields[field] = this.selfClosed ? '' : this.content(field);
    }
  }

  private selfClosed = false;

  /** Refuses markup that is not an element where an element may start. */
  private markup(): void {
    const { text, pos } = this;
    const next = text.charCodeAt(pos + 1);
    if (next !== 0x21 && next !== 0x3f) return;
    if (text.startsWith('<!DOCTYPE', pos)) this.fail('ERR_V2_XML_DOCTYPE', 'a DOCTYPE');
    if (text.startsWith('<!ENTITY', pos)) this.fail('ERR_V2_XML_ENTITY', 'an entity declaration');
    if (text.startsWith('<?', pos)) {
      this.fail('ERR_V2_XML_PROCESSING_INSTRUCTION', 'a processing instruction');
    }
    if (text.startsWith('<!', pos)) this.fail('ERR_V2_XML_MALFORMED', 'a comment or declaration');
  }

  /** Reads a start tag; with `expected`, any other name is refused as the wrong root. */
  private startTag(expected?: string): string {
    const { text } = this;
    let i = this.pos + 1;
    const start = i;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === GT || code === SLASH || isXmlSpace(code)) break;
    }
    const name = text.slice(start, i);
    if (expected !== undefined && name !== expected) {
      this.fail('ERR_V2_XML_ROOT', `the root element must be <${expected}>`);
    }
    while (i < text.length && isXmlSpace(text.charCodeAt(i))) i++;
    this.selfClosed = text.charCodeAt(i) === SLASH;
    if (this.selfClosed) i++;
    if (name === '' || text.charCodeAt(i) !== GT) {
      this.fail('ERR_V2_XML_MALFORMED', 'a start tag is malformed or carries attributes');
    }
    this.pos = i + 1;
    return name;
  }

  private endTag(name: string): void {
    const { text } = this;
    const start = this.pos + 2;
    let i = start;
    while (i < text.length && !isXmlSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== GT) i++;
    if (text.slice(start, i) !== name) {
      this.fail('ERR_V2_XML_MALFORMED', `an end tag does not match <${name}>`);
    }
    while (i < text.length && isXmlSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== GT) this.fail('ERR_V2_XML_MALFORMED', 'an end tag is malformed');
    this.pos = i + 1;
  }

  private content(field: string): string {
    const { text } = this;
    let value = '';
    for (;;) {
      const lt = text.indexOf('<', this.pos);
      if (lt < 0) this.fail('ERR_V2_XML_MALFORMED', `<${field}> is not closed`, field);
      if (lt > this.pos) value += this.characters(text.slice(this.pos, lt), field);
      this.pos = lt;
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) this.fail('ERR_V2_XML_MALFORMED', 'a CDATA section is not closed', field);
        const section = text.slice(lt + 9, end);
        if (hasForbiddenXmlChar(section)) this.forbidden(field);
        value += section;
        this.pos = end + 3;
        continue;
      }
      if (text.startsWith('</', lt)) {
        this.endTag(field);
        return value;
      }
      this.markup();
      if (!/[A-Za-z_:\u0080-\uffff]/.test(text.charAt(lt + 1))) {
        this.fail('ERR_V2_XML_MALFORMED', "a bare '<' in text", field);
      }
      this.fail('ERR_V2_XML_NESTED', `the field ${field} holds an element`, field);
    }
  }

  /** Decodes character data: the five predefined entities and character references. */
  private characters(raw: string, field: string): string {
    if (hasForbiddenXmlChar(raw)) this.forbidden(field);
    if (raw.includes(']]>')) this.fail('ERR_V2_XML_MALFORMED', "']]>' in text", field);
    if (!raw.includes('&')) return raw;
    let out = '';
    let from = 0;
    for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
      const semi = raw.indexOf(';', amp);
      if (semi < 0) this.fail('ERR_V2_XML_MALFORMED', 'a bare & in text', field);
      out += raw.slice(from, amp) + this.reference(raw.slice(amp + 1, semi), field);
      from = semi + 1;
    }
    return out + raw.slice(from);
  }

  private reference(name: string, field: string): string {
    const predefined = Object.hasOwn(PREDEFINED, name) ? PREDEFINED[name] : undefined;
    if (predefined !== undefined) return predefined;
    const numeric = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(name);
    if (numeric) {
      const codePoint = Number.parseInt(numeric[1] ?? numeric[2] ?? '', numeric[1] ? 16 : 10);
      if (!isXmlChar(codePoint)) this.forbidden(field);
      return String.fromCodePoint(codePoint);
    }
    if (isFieldName(name)) {
      this.fail('ERR_V2_XML_ENTITY', 'a reference to an undeclared entity', field);
    }
    return this.fail('ERR_V2_XML_MALFORMED', 'a bare & in text', field);
  }

  private end(fields: V2Fields): V2Fields {
    this.skipSpace();
    if (this.pos < this.text.length) {
      if (this.text.charCodeAt(this.pos) === LT) this.markup();
      this.fail('ERR_V2_XML_MALFORMED', 'content after the root element');
    }
    return fields;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && isXmlSpace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  private forbidden(field: string): never {
    return this.fail('ERR_V2_XML_MALFORMED', 'a character XML 1.0 forbids', field);
  }

  private fail(code: V2ErrorCode, what: string, field?: string): never {
    const message = `${what} (offset ${this.pos})`;
    throw new V2Error(code, message, field === undefined ? {} : { field });
  }
}
