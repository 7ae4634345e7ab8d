import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeXml, encodeXml, signXml, verifyXml } from '../src/index.ts';
import { fieldName, plainParamMap, xmlText } from './support/arbitraries.ts';

describe('encodeXml then decodeXml: properties', () => {
  test('is the identity for any XML-legal, non-empty string under any field name', () => {
    const map = fc.dictionary(
      fieldName,
      xmlText.filter((s) => s !== ''),
      { maxKeys: 10 },
    );
    fc.assert(
      fc.property(map, (fields) => {
        expect({ ...decodeXml(encodeXml(fields)) }).toEqual({ ...fields });
      }),
      { numRuns: 500 },
    );
  });

  test('decoded values are always strings, even for numbers given', () => {
    fc.assert(
      fc.property(fc.dictionary(fieldName, fc.oneof(fc.maxSafeInteger(), xmlText)), (fields) => {
        for (const value of Object.values(decodeXml(encodeXml(fields)))) {
          expect(typeof value).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });

  test('signXml then verifyXml holds for any unambiguous parameter map', () => {
    fc.assert(
      fc.property(
        plainParamMap,
        fc.constantFrom('MD5' as const, 'HMAC-SHA256' as const),
        (p, type) => {
          const fields = verifyXml(signXml(p, 'k'.repeat(32), type), 'k'.repeat(32));
          for (const [name, value] of Object.entries(p)) expect(fields[name]).toBe(value);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('encodeXml', () => {
  test('wraps values in CDATA and splits ]]> across sections', () => {
    expect(encodeXml({ a: 'x]]>y' })).toBe('<xml><a><![CDATA[x]]]]><![CDATA[>y]]></a></xml>');
  });

  test('leaves empty values out and writes integers in decimal', () => {
    expect(encodeXml({ a: '', b: null, c: undefined, d: 0, e: '0' })).toBe(
      '<xml><d><![CDATA[0]]></d><e><![CDATA[0]]></e></xml>',
    );
  });

  test('writes a carriage return as a character reference so parsers keep it', () => {
    expect(encodeXml({ a: 'x\r\ny' })).toBe('<xml><a><![CDATA[x]]>&#13;<![CDATA[\ny]]></a></xml>');
  });

  test('refuses characters XML 1.0 forbids, naming the field', () => {
    expect(() => encodeXml({ memo: 'a\u0001b' })).toThrow(/params\.memo/);
    expect(() => encodeXml({ memo: '\uFFFF' })).toThrow(TypeError);
    expect(() => encodeXml({ memo: 'a\uD800' })).toThrow(TypeError);
  });

  test('refuses field names that are not XML-safe', () => {
    expect(() => encodeXml({ 'a b': '1' })).toThrow(TypeError);
    expect(() => encodeXml({ '1a': '1' })).toThrow(TypeError);
  });
});
