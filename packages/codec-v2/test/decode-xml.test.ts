import { describe, expect, test } from 'vitest';
import { decodeXml, type V2Error } from '../src/index.ts';
import { codeOf as code } from './support/codes.ts';

describe('decodeXml: what it accepts', () => {
  test('an XML declaration, white space around elements, and self-closed fields', () => {
    const xml = '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<xml>\n  <a>1</a>\n  <b/>\n</xml>\n';
    expect({ ...decodeXml(xml) }).toEqual({ a: '1', b: '' });
  });

  test('keeps white space inside values and CDATA verbatim', () => {
    const fields = decodeXml('<xml><a>  x  </a><b><![CDATA[ <y> &amp; ]]></b></xml>');
    expect(fields.a).toBe('  x  ');
    expect(fields.b).toBe(' <y> &amp; ');
  });

  test('decodes the predefined entities and character references in text', () => {
    const fields = decodeXml('<xml><a>&lt;&gt;&amp;&quot;&apos;&#20013;&#x1F600;</a></xml>');
    expect(fields.a).toBe('<>&"\'中😀');
  });

  test('mixes text and CDATA sections in one value', () => {
    expect(decodeXml('<xml><a>x&amp;<![CDATA[]]]]><![CDATA[>]]>y</a></xml>').a).toBe('x&]]>y');
  });

  test('reads UTF-8 bytes', () => {
    const bytes = new TextEncoder().encode('<xml><body>腾讯😀</body></xml>');
    expect(decodeXml(bytes).body).toBe('腾讯😀');
  });

  test('__proto__ and constructor are plain fields and pollute nothing', () => {
    const fields = decodeXml(
      '<xml><__proto__><![CDATA[{"polluted":1}]]></__proto__><constructor>c</constructor></xml>',
    );
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(Object.keys(fields)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(fields, '__proto__')?.value).toBe('{"polluted":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(fields))).toEqual(
      JSON.parse('{"__proto__":"{\\"polluted\\":1}","constructor":"c"}'),
    );
  });
});

describe('decodeXml: what it refuses', () => {
  test.each([
    ['DOCTYPE', '<!DOCTYPE xml><xml><a>1</a></xml>', 'ERR_V2_XML_DOCTYPE'],
    [
      'DOCTYPE after the declaration',
      '<?xml version="1.0"?><!DOCTYPE x []><xml/>',
      'ERR_V2_XML_DOCTYPE',
    ],
    ['entity declaration in the prolog', '<!ENTITY a "b"><xml/>', 'ERR_V2_XML_ENTITY'],
    ['entity declaration inside a field', '<xml><a><!ENTITY x "y"></a></xml>', 'ERR_V2_XML_ENTITY'],
    ['reference to an undeclared entity', '<xml><a>&xxe;</a></xml>', 'ERR_V2_XML_ENTITY'],
    [
      'processing instruction in the prolog',
      '<?php echo 1?><xml/>',
      'ERR_V2_XML_PROCESSING_INSTRUCTION',
    ],
    [
      'processing instruction in a field',
      '<xml><a><?x y?></a></xml>',
      'ERR_V2_XML_PROCESSING_INSTRUCTION',
    ],
    ['processing instruction after the root', '<xml/><?x?>', 'ERR_V2_XML_PROCESSING_INSTRUCTION'],
    [
      'a second declaration',
      '<?xml version="1.0"?><?xml version="1.0"?><xml/>',
      'ERR_V2_XML_PROCESSING_INSTRUCTION',
    ],
    ['another root', '<root><a>1</a></root>', 'ERR_V2_XML_ROOT'],
    ['a namespaced root', '<x:xml xmlns:x="u"/>', 'ERR_V2_XML_ROOT'],
    ['a nested element', '<xml><a><b>1</b></a></xml>', 'ERR_V2_XML_NESTED'],
    ['a duplicate field', '<xml><a>1</a><a>1</a></xml>', 'ERR_V2_XML_DUPLICATE_FIELD'],
    ['a duplicate self-closed field', '<xml><a/><a>2</a></xml>', 'ERR_V2_XML_DUPLICATE_FIELD'],
    ['text directly in the root', '<xml>x<a>1</a></xml>', 'ERR_V2_XML_MALFORMED'],
    ['an unclosed field', '<xml><a>1</xml>', 'ERR_V2_XML_MALFORMED'],
    ['an unclosed root', '<xml><a>1</a>', 'ERR_V2_XML_MALFORMED'],
    ['a mismatched end tag', '<xml><a>1</b></xml>', 'ERR_V2_XML_MALFORMED'],
    ['attributes', '<xml><a x="1">1</a></xml>', 'ERR_V2_XML_MALFORMED'],
    ['a comment', '<xml><!-- c --><a>1</a></xml>', 'ERR_V2_XML_MALFORMED'],
    ['a bare ampersand', '<xml><a>a & b</a></xml>', 'ERR_V2_XML_MALFORMED'],
    ['a bare less-than', '<xml><a>a < b</a></xml>', 'ERR_V2_XML_MALFORMED'],
    [']]> in text', '<xml><a>a ]]> b</a></xml>', 'ERR_V2_XML_MALFORMED'],
    ['a control character', '<xml><a>\u0001</a></xml>', 'ERR_V2_XML_MALFORMED'],
    ['a reference to a forbidden character', '<xml><a>&#0;</a></xml>', 'ERR_V2_XML_MALFORMED'],
    ['an unclosed CDATA section', '<xml><a><![CDATA[1</a></xml>', 'ERR_V2_XML_MALFORMED'],
    ['content after the root', '<xml/><xml/>', 'ERR_V2_XML_MALFORMED'],
    ['an empty body', '', 'ERR_V2_XML_MALFORMED'],
    ['JSON', '{"return_code":"SUCCESS"}', 'ERR_V2_XML_MALFORMED'],
    [
      'a declaration naming another encoding',
      '<?xml version="1.0" encoding="GBK"?><xml/>',
      'ERR_V2_XML_MALFORMED',
    ],
  ])('%s', (_, xml, expected) => {
    expect(code(() => decodeXml(xml))).toBe(expected);
  });

  test('bytes that are not UTF-8', () => {
    const bytes = Uint8Array.from([...Buffer.from('<xml><a>'), 0xff, ...Buffer.from('</a></xml>')]);
    expect(code(() => decodeXml(bytes))).toBe('ERR_V2_XML_MALFORMED');
  });

  test('a body over maxBytes, as text or bytes, counted in UTF-8 bytes', () => {
    const xml = `<xml><a>${'中'.repeat(100)}</a></xml>`;
    expect(code(() => decodeXml(xml, { maxBytes: 200 }))).toBe('ERR_V2_XML_TOO_LARGE');
    expect(code(() => decodeXml(Buffer.from(xml), { maxBytes: 200 }))).toBe('ERR_V2_XML_TOO_LARGE');
    expect(decodeXml(xml, { maxBytes: 400 }).a).toHaveLength(100);
    expect(code(() => decodeXml(`<xml><a>${'x'.repeat(70_000)}</a></xml>`))).toBe(
      'ERR_V2_XML_TOO_LARGE',
    );
  });

  test('names the duplicated field', () => {
    try {
      decodeXml('<xml><total_fee>1</total_fee><total_fee>100</total_fee></xml>');
      expect.unreachable();
    } catch (error) {
      expect((error as V2Error).field).toBe('total_fee');
      expect((error as Error).message).not.toContain('100');
    }
  });

  test('caller mistakes are TypeError and RangeError', () => {
    expect(() => decodeXml(42 as never)).toThrow(TypeError);
    expect(() => decodeXml('<xml/>', { maxBytes: 0 })).toThrow(RangeError);
    expect(() => decodeXml('<xml/>', { maxBytes: 1.5 })).toThrow(/maxBytes/);
  });
});
