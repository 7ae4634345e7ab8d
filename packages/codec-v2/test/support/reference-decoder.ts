import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * fast-xml-parser configured for V2's flat subset, used as the reference the hand-written
 * scanner is checked against: values as strings, nothing trimmed, CDATA merged into the text.
 * Returns `undefined` for what the reference itself refuses or reads as something other than
 * one `<xml>` of flat fields.
 */
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  cdataPropName: false,
  commentPropName: '#comment',
});

type Node = Record<string, unknown> & { ':@'?: unknown };

export function referenceDecode(xml: string): Record<string, string> | undefined {
  if (XMLValidator.validate(xml) !== true) return undefined;
  let doc: Node[];
  try {
    doc = parser.parse(xml) as Node[];
  } catch {
    return undefined;
  }
  const elements = doc.filter((node) => !isBlankText(node));
  const root = elements[0];
  if (elements.length !== 1 || root === undefined || !Array.isArray(root.xml) || root[':@']) {
    return undefined;
  }

  const fields: Record<string, string> = Object.create(null);
  for (const child of root.xml as Node[]) {
    if (isBlankText(child)) continue;
    const names = Object.keys(child);
    const name = names[0];
    if (names.length !== 1 || name === undefined || name.startsWith('#')) return undefined;
    if (Object.hasOwn(fields, name)) return undefined;
    let value = '';
    for (const part of child[name] as Node[]) {
      const text = part['#text'];
      if (Object.keys(part).length !== 1 || text === undefined) return undefined;
      value += String(text);
    }
    fields[name] = value;
  }
  return fields;
}

function isBlankText(node: Node): boolean {
  const text = node['#text'];
  return Object.keys(node).length === 1 && typeof text === 'string' && /^[ \t\n\r]*$/.test(text);
}
