import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeXml, encodeXml, V2Error } from '../../src/index.ts';
import { fieldName, xmlText } from '../support/arbitraries.ts';
import { referenceDecode } from '../support/reference-decoder.ts';

const TOKENS = [
  '<xml>',
  '</xml>',
  '<a>',
  '</a>',
  '<b>',
  '</b>',
  '<a/>',
  '<b />',
  '<a >',
  '</a >',
  '<![CDATA[',
  ']]>',
  ']]',
  ']',
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&apos;',
  '&#65;',
  '&#x4e2d;',
  '&#x1F600;',
  '&',
  '<',
  '>',
  '/',
  ' ',
  '\n',
  '\t',
  'text',
  '007',
  '中',
  '😀',
  '"',
  "'",
  '=',
  '<?xml version="1.0"?>',
  '<!-- c -->',
  '<!DOCTYPE x>',
  '<c x="1">',
  '</c>',
  '<?pi?>',
  '&nbsp;',
  '&#0;',
  '\u0001',
];

function mine(xml: string): Record<string, string> | undefined {
  try {
    return { ...decodeXml(xml) };
  } catch (error) {
    if (error instanceof V2Error) return undefined;
    throw error;
  }
}

// Names fast-xml-parser refuses or renames as dangerous are left to the scanner's own tests.
const safeName = fieldName.filter((n) => !/^(__proto__|constructor|prototype)$/i.test(n));
const valid = fc
  .dictionary(
    safeName,
    xmlText.filter((s) => s !== '' && !s.includes('\r')),
    { maxKeys: 6 },
  )
  .map((fields) => encodeXml(fields));
const tokens = fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }).map((t) => t.join(''));
const piece = fc.oneof(
  fc.constantFrom('text', '007', ' ', '\n', '\t', '中', '😀', '"', "'", '>', ']', ']]'),
  fc.constantFrom('&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#65;', '&#x4e2d;', '&#x1F600;'),
  xmlText.filter((s) => !s.includes(']]>') && !s.includes('\r')).map((s) => `<![CDATA[${s}]]>`),
);
const structured = fc
  .array(fc.tuple(fc.constantFrom(' ', '\n', ''), safeName, fc.array(piece, { maxLength: 6 })), {
    maxLength: 6,
  })
  .map((fields) => {
    const body = fields.map(
      ([space, name, parts]) => `${space}<${name}>${parts.join('')}</${name}>`,
    );
    return `<xml>${body.join('')}</xml>`;
  });
const documents = fc.oneof(
  valid,
  structured,
  fc.tuple(structured, fc.nat(), fc.constantFrom(...TOKENS)).map(([xml, at, token]) => {
    const i = at % (xml.length + 1);
    return xml.slice(0, i) + token + xml.slice(i);
  }),
  tokens,
  tokens.map((t) => `<xml>${t}</xml>`),
  fc.tuple(valid, fc.nat(), fc.constantFrom(...TOKENS)).map(([xml, at, token]) => {
    const i = at % (xml.length + 1);
    return xml.slice(0, i) + token + xml.slice(i);
  }),
);

describe('the scanner against fast-xml-parser', () => {
  test('whatever the scanner accepts, the reference reads the same fields', () => {
    let accepted = 0;
    fc.assert(
      fc.property(documents, (xml) => {
        const fields = mine(xml);
        if (fields === undefined) return;
        accepted += 1;
        expect(referenceDecode(xml)).toEqual(fields);
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  test('the reference agrees on hand-picked documents the scanner accepts', () => {
    for (const xml of [
      '<?xml version="1.0" encoding="UTF-8"?>\n<xml>\n <a>1</a>\n <b/>\n</xml>\n',
      '<xml><a>  x  </a><b><![CDATA[ <y> ]]></b><c>&lt;&#x4e2d;&#20013;</c></xml>',
      '<xml><a><![CDATA[x]]]]><![CDATA[>]]></a></xml>',
    ]) {
      expect(referenceDecode(xml)).toEqual(mine(xml));
    }
  });

  test('a raw carriage return is kept as sent, where XML would turn it into LF', () => {
    const xml = '<xml><a><![CDATA[x\r\ny]]></a></xml>';
    expect(decodeXml(xml).a).toBe('x\r\ny');
    expect(referenceDecode(xml)?.a).toBe('x\ny');
  });
});
