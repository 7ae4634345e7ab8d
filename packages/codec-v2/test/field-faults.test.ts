import { createHash, createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  decodeXml,
  encodeXml,
  sign,
  stringToSign,
  type V2Fields,
  verify,
  verifyXml,
} from '../src/index.ts';
import { codeOf as code } from './support/codes.ts';

// Each test pins a fault reported against V2 integrations in the field.

const KEY = 'abcdefghijklmnopqrstuvwxyz012345';
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();
const hmac = (text: string) =>
  createHmac('sha256', KEY).update(text, 'utf8').digest('hex').toUpperCase();

describe('faults seen in the field', () => {
  test('empty value signed: an empty field never enters the string to sign', () => {
    const fields = { appid: 'wx1', attach: '' };
    expect(stringToSign(fields, KEY)).toBe(`appid=wx1&key=${KEY}`);
    const wrong = md5(`appid=wx1&attach=&key=${KEY}`);
    expect(code(() => verify({ ...fields, sign: wrong }, KEY))).toBe('ERR_V2_SIGNATURE_MISMATCH');
    expect(verify({ ...fields, sign: md5(`appid=wx1&key=${KEY}`) }, KEY).attach).toBe('');
  });

  test('null signed as "null": null and undefined are empty, not the text null', () => {
    expect(sign({ appid: 'wx1', device_info: null, detail: undefined }, KEY)).toBe(
      md5(`appid=wx1&key=${KEY}`),
    );
    expect(sign({ appid: 'wx1', device_info: null }, KEY)).not.toBe(
      md5(`appid=wx1&device_info=null&key=${KEY}`),
    );
  });

  test("'0' dropped as empty: zero is a value, as text and as a number", () => {
    const expected = md5(`appid=wx1&coupon_count=0&key=${KEY}`);
    expect(sign({ appid: 'wx1', coupon_count: '0' }, KEY)).toBe(expected);
    expect(sign({ appid: 'wx1', coupon_count: 0 }, KEY)).toBe(expected);
    expect(sign({ appid: 'wx1', coupon_count: '0' }, KEY)).not.toBe(sign({ appid: 'wx1' }, KEY));
  });

  test('sign_type removed before verifying: it takes part in the string', () => {
    const received = { appid: 'wx1', sign_type: 'MD5' };
    const withType = { ...received, sign: md5(`appid=wx1&sign_type=MD5&key=${KEY}`) };
    expect(verify(withType, KEY).sign_type).toBe('MD5');
    const withoutType = { ...received, sign: md5(`appid=wx1&key=${KEY}`) };
    expect(code(() => verify(withoutType, KEY))).toBe('ERR_V2_SIGNATURE_MISMATCH');
  });

  test('indexed coupon fields dropped: verification covers every received field', () => {
    const body =
      '<xml><coupon_count>1</coupon_count><coupon_fee_0>10</coupon_fee_0>' +
      '<coupon_id_0>C1</coupon_id_0><out_trade_no>T1</out_trade_no><total_fee>100</total_fee>' +
      `<sign>${md5(`coupon_count=1&coupon_fee_0=10&coupon_id_0=C1&out_trade_no=T1&total_fee=100&key=${KEY}`)}</sign></xml>`;
    const fields = verifyXml(body, KEY);
    expect(fields.coupon_fee_0).toBe('10');
    expect(fields.coupon_id_0).toBe('C1');
    const projected = md5(`coupon_count=1&out_trade_no=T1&total_fee=100&key=${KEY}`);
    const forged = body.replace(/<sign>.*<\/sign>/, `<sign>${projected}</sign>`);
    expect(code(() => verifyXml(forged, KEY))).toBe('ERR_V2_SIGNATURE_MISMATCH');
  });

  test('CDATA markers inside the signed value: the value is the section content', () => {
    const signed = md5(`body=a]]>b&nonce_str=n&key=${KEY}`);
    const xml = `<xml><body><![CDATA[a]]]]><![CDATA[>b]]></body><nonce_str><![CDATA[n]]></nonce_str><sign>${signed}</sign></xml>`;
    expect(verifyXml(xml, KEY).body).toBe('a]]>b');
    const withMarkers = md5(`body=<![CDATA[a]]]]><![CDATA[>b]]>&nonce_str=n&key=${KEY}`);
    const forged = xml.replace(signed, withMarkers);
    expect(code(() => verifyXml(forged, KEY))).toBe('ERR_V2_SIGNATURE_MISMATCH');
    const roundTrip = decodeXml(encodeXml({ attach: '<![CDATA[x]]>' })).attach;
    expect(roundTrip).toBe('<![CDATA[x]]>');
  });

  test('numeric coercion of 007: values stay the exact strings sent', () => {
    const id = '4200001234202612041234567890';
    const signed = md5(`out_trade_no=000123&total_fee=007&transaction_id=${id}&key=${KEY}`);
    const xml = `<xml><out_trade_no>000123</out_trade_no><total_fee><![CDATA[007]]></total_fee><transaction_id>${id}</transaction_id><sign>${signed}</sign></xml>`;
    const fields: V2Fields = verifyXml(xml, KEY);
    expect(fields.total_fee).toBe('007');
    expect(fields.out_trade_no).toBe('000123');
    expect(fields.transaction_id).toBe(id);
    const coerced = md5(
      `out_trade_no=123&total_fee=7&transaction_id=4.200001234202612e+27&key=${KEY}`,
    );
    expect(code(() => verifyXml(xml.replace(signed, coerced), KEY))).toBe(
      'ERR_V2_SIGNATURE_MISMATCH',
    );
  });

  test('HMAC order verified as MD5: sign_type picks the algorithm, with no downgrade', () => {
    const text = `mch_id=10000100&sign_type=HMAC-SHA256&key=${KEY}`;
    const xml = (signature: string) =>
      `<xml><mch_id>10000100</mch_id><sign_type>HMAC-SHA256</sign_type><sign>${signature}</sign></xml>`;
    expect(verifyXml(xml(hmac(text)), KEY).sign_type).toBe('HMAC-SHA256');
    expect(verifyXml(xml(hmac(text)), KEY, { signType: 'MD5' }).mch_id).toBe('10000100');
    expect(code(() => verifyXml(xml(md5(text)), KEY))).toBe('ERR_V2_SIGNATURE_MISMATCH');
  });

  test('forged notification without sign accepted: a missing sign is refused', () => {
    const forged =
      '<xml><return_code>SUCCESS</return_code><result_code>SUCCESS</result_code>' +
      '<out_trade_no>T1</out_trade_no><total_fee>1</total_fee></xml>';
    expect(code(() => verifyXml(forged, KEY))).toBe('ERR_V2_SIGNATURE_MISSING');
    const emptySign = forged.replace('</xml>', '<sign></sign></xml>');
    expect(code(() => verifyXml(emptySign, KEY))).toBe('ERR_V2_SIGNATURE_MISSING');
    const cdataEmpty = forged.replace('</xml>', '<sign><![CDATA[]]></sign></xml>');
    expect(code(() => verifyXml(cdataEmpty, KEY))).toBe('ERR_V2_SIGNATURE_MISSING');
  });

  test('XXE: an external entity is refused at the DOCTYPE, before any field is read', () => {
    const xxe =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' +
      '<xml><return_code>&xxe;</return_code><sign>X</sign></xml>';
    expect(() => verifyXml(xxe, KEY)).toThrow(/DOCTYPE \(offset 39\)/);
    expect(code(() => verifyXml(xxe, KEY))).toBe('ERR_V2_XML_DOCTYPE');
    const noDoctype = '<xml><return_code>&xxe;</return_code></xml>';
    expect(code(() => decodeXml(noDoctype))).toBe('ERR_V2_XML_ENTITY');
  });

  test('billion laughs: refused at offset 0 whatever follows, nothing expanded', () => {
    let entities = '<!ENTITY lol0 "lol">';
    for (let i = 1; i < 10; i++) {
      entities += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
    }
    const bomb = `<!DOCTYPE xml [${entities}]><xml><a>&lol9;</a></xml>`;
    expect(() => decodeXml(bomb)).toThrow(/offset 0\)/);
    expect(code(() => decodeXml(bomb))).toBe('ERR_V2_XML_DOCTYPE');
    const padded = `${bomb}${' '.repeat(60_000)}`;
    expect(code(() => decodeXml(Buffer.from(padded)))).toBe('ERR_V2_XML_DOCTYPE');
  });
});
