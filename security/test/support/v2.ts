import { createHash, createHmac } from 'node:crypto';
import { signXml } from '@qqwxpay/codec-v2';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { API_KEY } from './keys.ts';

/** One V2 field as sent: name and exact value. */
export type Entry = [name: string, value: string];

/** An authentic V2 callback: its fields in sending order (sign last) and its XML. */
export interface AuthenticV2 {
  entries: Entry[];
  signType: 'MD5' | 'HMAC-SHA256';
  xml: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids
const XML_FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDFFF]/;

/** Free text WeChat Pay may carry in `attach`: markup characters, CR, `]]>`, CJK, emoji. */
export const freeText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom('<', '>', '&', ']]>', '\r', '\n', '\t', ' ', '"', "'", '支付', '😀', '&amp;'),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''))
  .filter((text) => !XML_FORBIDDEN.test(text));

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const token = (min: number, max: number) =>
  fc.string({
    unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789_-'),
    minLength: min,
    maxLength: max,
  });

/** An authentic V2 payment callback, signed by codec-v2's signXml with the test key. */
export const authenticV2: fc.Arbitrary<AuthenticV2> = fc
  .record({
    outTradeNo: token(6, 32),
    totalFee: fc.oneof(digits(1, 9), fc.constant('007')),
    transactionId: digits(28, 28),
    nonce: token(16, 32),
    attach: freeText,
    coupon: fc.boolean(),
    empty: fc.boolean(),
    signType: fc.constantFrom('MD5' as const, 'HMAC-SHA256' as const),
  })
  .map((r) => {
    const params: Record<string, string> = {
      return_code: 'SUCCESS',
      return_msg: 'OK',
      appid: 'wx2421b1c4370ec43b',
      mch_id: '10000100',
      nonce_str: r.nonce,
      result_code: 'SUCCESS',
      openid: 'oUpF8uMEb4qRXf22hE3X68TekukE',
      is_subscribe: 'N',
      trade_type: 'MWEB',
      bank_type: 'CMC',
      total_fee: r.totalFee,
      fee_type: 'CNY',
      transaction_id: r.transactionId,
      out_trade_no: r.outTradeNo,
      time_end: '20261204120000',
    };
    if (r.attach !== '') params.attach = r.attach;
    if (r.coupon) {
      params.coupon_count = '1';
      params.coupon_fee_0 = '1';
      params.coupon_id_0 = '10000';
    }
    const xml = signXml(params, API_KEY, r.signType);
    const entries: Entry[] = Object.entries(params);
    if (r.signType === 'HMAC-SHA256') entries.push(['sign_type', 'HMAC-SHA256']);
    entries.push(['sign', independentSign(entries, r.signType)]);
    return { entries, signType: r.signType, xml };
  });

/** The V2 signature, computed here with node:crypto from the protocol rule alone. */
export function independentSign(entries: readonly Entry[], signType: string): string {
  const text = `${signedView(Object.fromEntries(entries))}&key=${API_KEY}`;
  const digest =
    signType === 'MD5'
      ? createHash('md5').update(text, 'utf8').digest('hex')
      : createHmac('sha256', API_KEY).update(text, 'utf8').digest('hex');
  return digest.toUpperCase();
}

/** What a V2 signature covers: non-empty fields but `sign`, sorted by name, `a=1&b=2`. */
export function signedView(fields: Readonly<Record<string, string>>): string {
  return Object.keys(fields)
    .filter((name) => name !== 'sign' && fields[name] !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${name}=${fields[name]}`)
    .join('&');
}

/** How one value is written. */
export type ValueStyle = 'cdata' | 'text' | 'split' | 'charref' | 'mixed';

/** Writes a value in one of the equivalent XML spellings. */
export function writeValue(value: string, style: ValueStyle, cut = 1): string {
  const escapeText = (text: string) =>
    text
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('\r', '&#13;');
  const cdata = (text: string) =>
    `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>').replaceAll('\r', ']]>&#13;<![CDATA[')}]]>`;
  const chars = [...value];
  const at = chars.length === 0 ? 0 : cut % (chars.length + 1);
  const head = chars.slice(0, at).join('');
  const tail = chars.slice(at).join('');
  switch (style) {
    case 'cdata':
      return cdata(value);
    case 'text':
      return escapeText(value);
    case 'split':
      return cdata(head) + cdata(tail);
    case 'charref':
      return chars.map((c) => `&#x${c.codePointAt(0)?.toString(16)};`).join('');
    case 'mixed':
      return escapeText(head) + cdata(tail);
  }
}

/** Writes `<xml>` with the given entries, value styles and separators. */
export function writeXml(
  entries: readonly Entry[],
  style: (index: number) => ValueStyle = () => 'cdata',
  separator: (index: number) => string = () => '',
  cut: (index: number) => number = () => 1,
): string {
  let xml = '<xml>';
  entries.forEach(([name, value], i) => {
    xml += `${separator(i)}<${name}>${writeValue(value, style(i), cut(i))}</${name}>`;
  });
  return `${xml}${separator(entries.length)}</xml>`;
}

const reference = new XMLParser({
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  processEntities: true,
  htmlEntities: true,
  ignoreAttributes: true,
  isArray: () => true,
});

/**
 * The fields another XML parser (fast-xml-parser) reads from a document, or `undefined` when it
 * does not read one flat `<xml>` element of unique text fields, or when its reading rules differ
 * from XML 1.0 on this input (raw CR, which it normalises, or entities beyond the five).
 */
export function referenceFields(input: string | Uint8Array): Record<string, string> | undefined {
  let text: string;
  try {
    text =
      typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return undefined;
  }
  if (text.includes('\r') || /<!(?:DOCTYPE|ENTITY)/.test(text)) return undefined;
  if (XMLValidator.validate(text) !== true) return undefined;
  let doc: Record<string, unknown>;
  try {
    doc = reference.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const roots = Object.keys(doc);
  if (roots.length !== 1 || roots[0] !== 'xml') return undefined;
  const xml = doc.xml as unknown[];
  if (xml.length !== 1) return undefined;
  const root = xml[0];
  if (typeof root !== 'object' || root === null) return root === '' ? {} : undefined;
  const fields: Record<string, string> = {};
  for (const [name, values] of Object.entries(root as Record<string, unknown>)) {
    if (name === '#text') {
      if (typeof values === 'string' && values.trim() === '') continue;
      return undefined;
    }
    if (!Array.isArray(values) || values.length !== 1 || typeof values[0] !== 'string') {
      return undefined;
    }
    fields[name] = values[0];
  }
  return fields;
}
