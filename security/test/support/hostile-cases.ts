import { createCipheriv, createHash } from 'node:crypto';
import { decodeXml, decryptRefundInfo, verifyXml } from '@qqwxpay/codec-v2';
import {
  decryptResource,
  encryptResource,
  signResponse,
  verifyResponse,
  verifySignature,
} from '@qqwxpay/codec-v3';
import { verifyV2Notification, verifyV3Notification } from '@qqwxpay/notify-verify';
import { API_KEY, API_V3_KEY, NOW, platform } from './keys.ts';

/** One hostile input, the function it is fed to, and the codes that count as a refusal. */
export interface HostileCase {
  name: string;
  /** The function under attack. */
  target: string;
  /** Size of the input in bytes, for the report. */
  bytes: number;
  /** Codes any of which is the right refusal. */
  codes: readonly string[];
  run(): unknown;
}

const MB = 1024 * 1024;
const repeat = (text: string, times: number) => text.repeat(times);

function v3Headers(body: string | Uint8Array, overrides: Record<string, string> = {}) {
  const { pub } = platform();
  return {
    ...signResponse({ body, privateKey: pub.privateKey, serial: pub.serial, timestamp: NOW }),
    ...overrides,
  };
}

/** A V3 callback signed by the platform key: hostile content that got past the signature. */
function signedCallback(body: string | Uint8Array) {
  const headers = v3Headers(body);
  return () =>
    verifyV3Notification(
      { body, headers },
      { apiV3Key: API_V3_KEY, verifiers: platform().verifiers, now: NOW },
    );
}

/** A V3 callback whose decrypted resource is `plaintext`, signed and encrypted properly. */
function callbackWithResource(plaintext: string, eventType = 'TRANSACTION.SUCCESS') {
  const body = JSON.stringify({
    id: 'EV-hostile',
    create_time: '2026-12-04T12:00:00+08:00',
    resource_type: 'encrypt-resource',
    event_type: eventType,
    resource: {
      original_type: 'transaction',
      ...encryptResource(plaintext, API_V3_KEY, { associatedData: 'transaction' }),
    },
  });
  return signedCallback(body);
}

const v2 = (xml: string | Uint8Array, maxBytes?: number) => () =>
  verifyXml(xml, API_KEY, maxBytes === undefined ? {} : { maxBytes });
const v2Notify = (xml: string | Uint8Array) => () =>
  verifyV2Notification({ body: xml }, { key: API_KEY });
const size = (x: string | Uint8Array) => (typeof x === 'string' ? Buffer.byteLength(x) : x.length);

const XXE_FILE =
  '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><return_code>&xxe;</return_code></xml>';
const XXE_URL =
  '<!DOCTYPE xml [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd">%remote;]><xml><a>1</a></xml>';
const INTERNAL = '<!DOCTYPE xml [<!ENTITY fee "1">]><xml><total_fee>&fee;</total_fee></xml>';
const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from(
  { length: 9 },
  (_, i) => `<!ENTITY lol${i + 1} "${repeat(`&lol${i || ''};`, 10)}">`,
).join('')}]><xml><a>&lol9;</a></xml>`;
const QUADRATIC = `<!DOCTYPE xml [<!ENTITY x "${repeat('x', 50_000)}">]><xml><a>${repeat('&x;', 1_000)}</a></xml>`;
const UNDECLARED = '<xml><return_code>&xxe;</return_code></xml>';
const MANY_FIELDS = `<xml>${Array.from({ length: 100_000 }, (_, i) => `<f${i}>1</f${i}>`).join('')}</xml>`;
const TEN_MB_XML = `<xml><attach><![CDATA[${repeat('A', 10 * MB)}]]></attach></xml>`;
const DEEP_XML = `<xml>${repeat('<a>', 50_000)}${repeat('</a>', 50_000)}</xml>`;
const INVALID_UTF8 = Buffer.concat([
  Buffer.from('<xml><return_code>'),
  Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
  Buffer.from('</return_code></xml>'),
]);
const OVERLONG_LT = Buffer.concat([
  Buffer.from('<xml><a>'),
  Buffer.from([0xc0, 0xbc]),
  Buffer.from('b/a></xml>'),
]);
const LONE_SURROGATE = '<xml><return_code>\uD800SUCCESS</return_code></xml>';
const NUL_RAW = '<xml><return_code>SUCC\u0000ESS</return_code></xml>';
const NUL_REF = '<xml><return_code>SUCC&#0;ESS</return_code></xml>';
const PROTO_V2 =
  '<xml><__proto__><![CDATA[x]]></__proto__><constructor>y</constructor><sign>00</sign></xml>';
const DEEP_JSON = `${repeat('[', 200_000)}${repeat(']', 200_000)}`;
const DEEP_OBJECT = `${repeat('{"a":', 10_000)}1${repeat('}', 10_000)}`;
const TEN_MB_JSON = JSON.stringify({ id: 'x', pad: repeat('A', 10 * MB) });

/** Every hostile input of the campaign. */
export function hostileCases(): HostileCase[] {
  const { verifiers, pub } = platform();
  const resource = encryptResource('{}', API_V3_KEY);
  const response =
    (body: string | Uint8Array, headers = v3Headers(body)) =>
    () =>
      verifyResponse({ status: 200, headers, body }, { verifiers, now: NOW });
  const stamped = (timestamp: string) => {
    const body = '{"a":1}';
    const headers = v3Headers(body, { 'Wechatpay-Timestamp': timestamp });
    return () => verifySignature({ headers, body }, { verifiers, now: NOW });
  };
  const withHeader = (name: string, value: string) => {
    const headers = v3Headers('{}', { [name]: value });
    return () => verifySignature({ headers, body: '{}' }, { verifiers, now: NOW });
  };
  const signedEmpty = v3Headers('{}');
  const protoHeaders = JSON.parse(
    `{"__proto__":"x","constructor":"y",${JSON.stringify(v3Headers('{"a":1}')).slice(1)}`,
  );
  const cases: HostileCase[] = [
    {
      name: 'XXE external entity (file)',
      target: 'verifyXml',
      bytes: size(XXE_FILE),
      codes: ['ERR_V2_XML_DOCTYPE'],
      run: v2(XXE_FILE),
    },
    {
      name: 'XXE parameter entity (URL)',
      target: 'verifyV2Notification',
      bytes: size(XXE_URL),
      codes: ['ERR_V2_XML_DOCTYPE'],
      run: v2Notify(XXE_URL),
    },
    {
      name: 'internal entity',
      target: 'verifyXml',
      bytes: size(INTERNAL),
      codes: ['ERR_V2_XML_DOCTYPE'],
      run: v2(INTERNAL),
    },
    {
      name: 'billion laughs',
      target: 'verifyV2Notification',
      bytes: size(LAUGHS),
      codes: ['ERR_V2_XML_DOCTYPE'],
      run: v2Notify(LAUGHS),
    },
    {
      name: 'quadratic blow-up',
      target: 'verifyXml',
      bytes: size(QUADRATIC),
      codes: ['ERR_V2_XML_DOCTYPE', 'ERR_V2_XML_TOO_LARGE'],
      run: v2(QUADRATIC, 4 * MB),
    },
    {
      name: 'undeclared entity reference',
      target: 'verifyXml',
      bytes: size(UNDECLARED),
      codes: ['ERR_V2_XML_ENTITY'],
      run: v2(UNDECLARED),
    },
    {
      name: 'DOCTYPE inside refund req_info',
      target: 'decryptRefundInfo',
      bytes: 0,
      codes: ['ERR_V2_DECRYPT_FAILED', 'ERR_V2_XML_DOCTYPE'],
      run: () => decryptRefundInfo(encryptedXml(XXE_FILE.replace(/xml>/g, 'root>')), API_KEY),
    },
    {
      name: '100k fields (default limit)',
      target: 'verifyV2Notification',
      bytes: size(MANY_FIELDS),
      codes: ['ERR_V2_XML_TOO_LARGE', 'ERR_NOTIFY_BODY_TOO_LARGE'],
      run: v2Notify(MANY_FIELDS),
    },
    {
      name: '100k fields (limit raised to 4 MB)',
      target: 'verifyXml',
      bytes: size(MANY_FIELDS),
      codes: ['ERR_V2_SIGNATURE_MISSING'],
      run: v2(MANY_FIELDS, 4 * MB),
    },
    {
      name: '10 MB XML body',
      target: 'verifyV2Notification',
      bytes: size(TEN_MB_XML),
      codes: ['ERR_V2_XML_TOO_LARGE', 'ERR_NOTIFY_BODY_TOO_LARGE'],
      run: v2Notify(TEN_MB_XML),
    },
    {
      name: '10 MB XML body as bytes',
      target: 'decodeXml',
      bytes: size(TEN_MB_XML),
      codes: ['ERR_V2_XML_TOO_LARGE'],
      run: () => decodeXml(Buffer.from(TEN_MB_XML)),
    },
    {
      name: '50k nested elements',
      target: 'verifyXml',
      bytes: size(DEEP_XML),
      codes: ['ERR_V2_XML_NESTED', 'ERR_V2_XML_TOO_LARGE'],
      run: v2(DEEP_XML, 4 * MB),
    },
    {
      name: 'invalid UTF-8',
      target: 'verifyV2Notification',
      bytes: INVALID_UTF8.length,
      codes: ['ERR_V2_XML_MALFORMED'],
      run: v2Notify(INVALID_UTF8),
    },
    {
      name: "overlong UTF-8 '<'",
      target: 'verifyXml',
      bytes: OVERLONG_LT.length,
      codes: ['ERR_V2_XML_MALFORMED'],
      run: v2(OVERLONG_LT),
    },
    {
      name: 'lone surrogate',
      target: 'verifyXml',
      bytes: size(LONE_SURROGATE),
      codes: ['ERR_V2_XML_MALFORMED'],
      run: v2(LONE_SURROGATE),
    },
    {
      name: 'NUL byte',
      target: 'verifyV2Notification',
      bytes: size(NUL_RAW),
      codes: ['ERR_V2_XML_MALFORMED'],
      run: v2Notify(NUL_RAW),
    },
    {
      name: 'NUL character reference',
      target: 'verifyXml',
      bytes: size(NUL_REF),
      codes: ['ERR_V2_XML_MALFORMED'],
      run: v2(NUL_REF),
    },
    {
      name: '__proto__ and constructor fields, unsigned',
      target: 'verifyXml',
      bytes: size(PROTO_V2),
      codes: ['ERR_V2_SIGNATURE_MISMATCH'],
      run: v2(PROTO_V2),
    },
    {
      name: 'req_info of 1 MB base64',
      target: 'decryptRefundInfo',
      bytes: 4 * 262_144,
      codes: ['ERR_V2_REQ_INFO_MALFORMED'],
      run: () => decryptRefundInfo(repeat('QUFB', 262_144), API_KEY),
    },
    {
      name: '10 MB V3 callback body',
      target: 'verifyV3Notification',
      bytes: size(TEN_MB_JSON),
      codes: ['ERR_NOTIFY_BODY_TOO_LARGE'],
      run: () =>
        verifyV3Notification(
          { body: TEN_MB_JSON, headers: signedEmpty },
          { apiV3Key: API_V3_KEY, verifiers, now: NOW },
        ),
    },
    {
      name: '10 MB V3 response body, unsigned',
      target: 'verifyResponse',
      bytes: size(TEN_MB_JSON),
      codes: ['ERR_V3_SIGNATURE_MISMATCH'],
      run: response(TEN_MB_JSON, v3Headers('{}')),
    },
    {
      name: '200k nested JSON arrays, unsigned',
      target: 'verifyResponse',
      bytes: size(DEEP_JSON),
      codes: ['ERR_V3_SIGNATURE_MISMATCH'],
      run: response(DEEP_JSON, v3Headers('[]')),
    },
    {
      name: '200k nested JSON arrays, signed',
      target: 'verifyV3Notification',
      bytes: size(DEEP_JSON),
      codes: ['ERR_NOTIFY_BODY_TOO_LARGE'],
      run: signedCallback(DEEP_JSON),
    },
    {
      name: '20k nested JSON objects, signed',
      target: 'verifyV3Notification',
      bytes: size(DEEP_OBJECT),
      codes: ['ERR_NOTIFY_ENVELOPE_INVALID'],
      run: signedCallback(DEEP_OBJECT),
    },
    {
      name: 'invalid UTF-8 body, signed',
      target: 'verifyV3Notification',
      bytes: 7,
      codes: ['ERR_NOTIFY_ENVELOPE_INVALID'],
      run: signedCallback(Uint8Array.from([0x7b, 0xc3, 0x28, 0xff, 0x7d, 0xed, 0xa0])),
    },
    {
      name: 'invalid UTF-8 response, signed',
      target: 'verifyResponse',
      bytes: 4,
      codes: ['ERR_V3_BODY_MALFORMED'],
      run: response(Uint8Array.from([0x22, 0xc3, 0x28, 0x22])),
    },
    {
      name: 'lone surrogate in the nonce',
      target: 'verifySignature',
      bytes: 0,
      codes: ['ERR_V3_SIGNATURE_MISMATCH', 'ERR_V3_SIGNATURE_MALFORMED'],
      run: withHeader('Wechatpay-Nonce', '\uDC00abc'),
    },
    {
      name: 'NUL in the serial',
      target: 'verifySignature',
      bytes: 0,
      codes: ['ERR_V3_SERIAL_UNKNOWN', 'ERR_V3_SIGNATURE_MALFORMED'],
      run: withHeader('Wechatpay-Serial', `${pub.serial}\u0000`),
    },
    {
      name: '__proto__ header name',
      target: 'verifyV3Notification',
      bytes: 0,
      codes: ['ERR_V3_SIGNATURE_MISMATCH', 'ERR_NOTIFY_HEADERS_INVALID'],
      run: () =>
        verifyV3Notification(
          {
            body: '{}',
            headers: protoHeaders,
          },
          { apiV3Key: API_V3_KEY, verifiers, now: NOW },
        ),
    },
    {
      name: '__proto__ in the envelope, signed',
      target: 'verifyV3Notification',
      bytes: 0,
      codes: ['ERR_NOTIFY_ENVELOPE_INVALID'],
      run: signedCallback(
        '{"__proto__":{"id":"x","event_type":"TRANSACTION.SUCCESS"},"constructor":{"prototype":{"polluted":1}}}',
      ),
    },
    {
      name: '__proto__ in the resource, signed',
      target: 'verifyV3Notification',
      bytes: 0,
      codes: ['ERR_NOTIFY_RESOURCE_INVALID'],
      run: callbackWithResource(
        '{"__proto__":{"out_trade_no":"T1","transaction_id":"4200","trade_state":"SUCCESS","amount":{"total":1}},"constructor":{"prototype":{"polluted":1}}}',
      ),
    },
    {
      name: 'resource is a JSON array, signed',
      target: 'verifyV3Notification',
      bytes: 0,
      codes: ['ERR_NOTIFY_RESOURCE_INVALID'],
      run: callbackWithResource('[1,2,3]'),
    },
    {
      name: 'resource amount 1e400, signed',
      target: 'verifyV3Notification',
      bytes: 0,
      codes: ['ERR_NOTIFY_RESOURCE_INVALID'],
      run: callbackWithResource(
        '{"out_trade_no":"T1","transaction_id":"4200","trade_state":"SUCCESS","amount":{"total":1e400}}',
      ),
    },
    {
      name: 'resource amount 0.5, signed',
      target: 'verifyV3Notification',
      bytes: 0,
      codes: ['ERR_NOTIFY_RESOURCE_INVALID'],
      run: callbackWithResource(
        '{"out_trade_no":"T1","transaction_id":"4200","trade_state":"SUCCESS","amount":{"total":0.5}}',
      ),
    },
    {
      name: 'ciphertext of 2 MB base64',
      target: 'decryptResource',
      bytes: 2 * MB,
      codes: ['ERR_V3_DECRYPT_FAILED'],
      run: () => decryptResource({ ...resource, ciphertext: repeat('QUFB', MB / 2) }, API_V3_KEY),
    },
    {
      name: 'ciphertext not canonical base64',
      target: 'decryptResource',
      bytes: 0,
      codes: ['ERR_V3_RESOURCE_MALFORMED'],
      run: () =>
        decryptResource(
          {
            ...resource,
            ciphertext: `${resource.ciphertext.slice(0, -2)}\n${resource.ciphertext.slice(-2)}`,
          },
          API_V3_KEY,
        ),
    },
    {
      name: 'nonce of 1 MB',
      target: 'decryptResource',
      bytes: MB,
      codes: ['ERR_V3_RESOURCE_MALFORMED'],
      run: () => decryptResource({ ...resource, nonce: repeat('n', MB) }, API_V3_KEY),
    },
    {
      name: 'signature of 1 MB base64',
      target: 'verifySignature',
      bytes: MB,
      codes: ['ERR_V3_SIGNATURE_MISMATCH'],
      run: withHeader('Wechatpay-Signature', repeat('QUFB', MB / 4)),
    },
  ];
  const timestamps = [
    '1.5',
    '1e9',
    ' 1733300000',
    'NaN',
    'Infinity',
    '-0',
    '０１２３',
    '0x10',
    `${NOW}.0`,
    '9'.repeat(4000),
    '',
  ];
  for (const t of timestamps) {
    cases.push({
      name: `timestamp ${JSON.stringify(t.length > 20 ? `${t.slice(0, 8)}…(${t.length})` : t)}`,
      target: 'verifySignature',
      bytes: t.length,
      codes: ['ERR_V3_TIMESTAMP_MALFORMED', 'ERR_V3_SIGNATURE_MISSING'],
      run: stamped(t),
    });
  }
  return cases;
}

function encryptedXml(xml: string): string {
  const key = Buffer.from(createHash('md5').update(API_KEY).digest('hex'), 'ascii');
  const cipher = createCipheriv('aes-256-ecb', key, null);
  return Buffer.concat([cipher.update(xml, 'utf8'), cipher.final()]).toString('base64');
}
