import type { V2Params } from '../types.ts';
import { presentEntries } from './params.ts';
import { hasForbiddenXmlChar } from './xml-chars.ts';

/**
 * Writes one CDATA-wrapped value. `]]>` is split across two sections and a carriage return
 * leaves the section as `&#13;`, because XML parsers turn a raw CR into LF.
 */
export function cdata(value: string): string {
  const body = value.replaceAll(']]>', ']]]]><![CDATA[>').replaceAll('\r', ']]>&#13;<![CDATA[');
  return `<![CDATA[${body}]]>`;
}

/**
 * Writes the non-empty parameters as children of one `root` element, in the object's order,
 * each value in CDATA. Refuses values XML cannot carry, naming the field.
 */
export function writeFlatXml(params: V2Params, root: string, name: string): string {
  let xml = `<${root}>`;
  for (const [field, value] of presentEntries(params, name)) {
    if (hasForbiddenXmlChar(value)) {
      throw new TypeError(`${name}.${field} holds a character XML 1.0 cannot carry`);
    }
    xml += `<${field}>${cdata(value)}</${field}>`;
  }
  return `${xml}</${root}>`;
}
