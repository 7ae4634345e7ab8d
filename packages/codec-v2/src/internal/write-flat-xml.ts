import type { V2Params } from '../types.ts';
import { checkParams, isFieldName, valueText } from './params.ts';
import { hasForbiddenXmlChar } from './xml-chars.ts';

/**
 * Writes one CDATA-wrapped value. `]]>` is split across two sections and a carriage return
 * leaves the section as `&#13;`, because XML parsers turn a raw CR into LF.
 */
export function cdata(value: string): string {
  if (!value.includes(']]>') && !value.includes('\r')) return `<![CDATA[${value}]]>`;
  const body = value.replaceAll(']]>', ']]]]><![CDATA[>').replaceAll('\r', ']]>&#13;<![CDATA[');
  return `<![CDATA[${body}]]>`;
}

/**
 * Writes the non-empty parameters as children of one `root` element, in the object's order,
 * each value in CDATA. Refuses values XML cannot carry, naming the field.
 */
export function writeFlatXml(params: V2Params, root: string, name: string): string {
  checkParams(params, name);
  let xml = `<${root}>`;
  for (const field of Object.keys(params)) {
    const value = params[field];
    if (value === undefined || value === null || value === '') continue;
    if (!isFieldName(field)) {
      throw new TypeError(`${name}: field name ${JSON.stringify(field)} is not a V2 field name`);
    }
    const text = valueText(value, name, field);
    if (hasForbiddenXmlChar(text)) {
      throw new TypeError(`${name}.${field} holds a character XML 1.0 cannot carry`);
    }
    xml += `<${field}>${cdata(text)}</${field}>`;
  }
  return `${xml}</${root}>`;
}
