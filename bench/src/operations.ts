import { verify } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import type { Fixtures } from './fixtures.ts';
import { type Operation, RAW } from './model.ts';

// The reference reader for built XML: keeps every value as the exact string.
const reference = new XMLParser({
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  ignoreDeclaration: true,
});

function same(actual: unknown, expected: unknown, what: string): void {
  if (!isDeepStrictEqual(actual, expected)) throw new Error(`${what} differs from the expected`);
}

/** Reads `WECHATPAY2-SHA256-RSA2048 k="v",…` into its attributes. */
export function parseAuthorization(header: string): Record<string, string> {
  const scheme = 'WECHATPAY2-SHA256-RSA2048 ';
  if (!header.startsWith(scheme))
    throw new Error('the Authorization scheme is not WECHATPAY2-SHA256-RSA2048');
  const attributes: Record<string, string> = {};
  for (const match of header.slice(scheme.length).matchAll(/(\w+)="([^"]*)"/g)) {
    attributes[match[1]!] = match[2]!;
  }
  return attributes;
}

function checkAuthorization(f: Fixtures, header: string, body: string): void {
  const a = parseAuthorization(header);
  same(
    [a.mchid, a.serial_no, a.timestamp, a.nonce_str],
    [f.merchant.mchid, f.merchant.serial, f.authTimestamp, f.authNonce],
    'the Authorization attributes',
  );
  const message = `POST\n${f.h5Path}\n${a.timestamp}\n${a.nonce_str}\n${body}\n`;
  const signature = Buffer.from(a.signature ?? '', 'base64');
  if (!verify('sha256', Buffer.from(message), f.merchantPublicKey, signature)) {
    throw new Error('the Authorization signature does not verify over the WeChat path and body');
  }
}

function asObject(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** The operations, each with the check every contender's output must pass. */
export function makeOperations(f: Fixtures): Operation[] {
  return [
    {
      id: 'V2 sign MD5',
      input: 'unified order, 19 fields with Chinese text',
      altered: [],
      targets: [
        { against: 'fastest peer', min: 1 },
        { against: RAW, min: 0.9 },
      ],
      check: (out) => same(out, f.signMd5, 'the MD5 sign'),
    },
    {
      id: 'V2 sign HMAC-SHA256',
      input: 'unified order, 19 fields with Chinese text',
      altered: [],
      targets: [
        { against: 'fastest peer', min: 1 },
        { against: RAW, min: 0.9 },
      ],
      check: (out) => same(out, f.signHmac, 'the HMAC-SHA256 sign'),
    },
    {
      id: 'V2 build XML',
      input: 'signed unified order, 20 fields → XML body',
      altered: [],
      targets: [{ against: 'wechatpay-axios-plugin', min: 3 }],
      check: (out) => {
        if (typeof out !== 'string') throw new Error('the XML is not a string');
        const doc = reference.parse(out) as Record<string, Record<string, unknown>>;
        same(Object.keys(doc), ['xml'], 'the root element');
        // Indentation between elements is not part of any value.
        const { '#text': between, ...fields } = doc.xml ?? {};
        if (between !== undefined && String(between).trim() !== '') {
          throw new Error('the root element has text outside the fields');
        }
        same(fields, f.signedOrder, 'the fields read back from the XML');
      },
    },
    {
      id: 'V2 parse + verify notification',
      input: 'payment notification, 24 fields, MD5',
      altered: ['total_fee changed after signing'],
      targets: [{ against: 'wechatpay-axios-plugin', min: 2 }],
      check: (out) => same({ ...(out as object) }, f.notificationFields, 'the parsed fields'),
    },
    {
      id: 'V3 Authorization',
      input: 'H5 order, POST, ~600-byte body, RSA-2048',
      altered: [],
      targets: [{ against: RAW, min: 0.9 }],
      check: (out) => checkAuthorization(f, String(out), f.h5Body),
    },
    {
      id: 'V3 callback signature verify',
      input: 'payment callback, ~1.1 KB, RSA-2048',
      altered: ['one byte of the body changed after signing'],
      targets: [{ against: RAW, min: 0.9 }],
      check: (out) => {
        if (out === false || out === undefined || out instanceof Error) {
          throw new Error('the valid callback was refused');
        }
      },
    },
    {
      id: 'AES-256-GCM resource decrypt',
      input: 'transaction resource, ~620 bytes of plaintext',
      altered: ['the last byte of the GCM tag flipped'],
      targets: [{ against: RAW, min: 0.9 }],
      check: (out) => same(asObject(out), f.transaction, 'the plaintext'),
    },
    {
      id: 'V3 callback, full',
      input: 'verify + decrypt + parse (ours adds schema validation)',
      altered: [
        'one byte of the body changed after signing',
        'the GCM tag flipped, envelope signed again',
      ],
      targets: [{ against: RAW, min: 0.8 }],
      check: (out) => same(asObject(out), f.transaction, 'the decrypted transaction'),
    },
    {
      id: 'V3 proxied order prepared',
      input: "H5 order through QQ's proxy: URL, body, Authorization",
      altered: [],
      targets: [],
      check: (out) => {
        const request = out as {
          method: string;
          url: string;
          headers: Record<string, string>;
          body: string;
        };
        same(request.method, 'POST', 'the method');
        const url = new URL(request.url);
        same(
          [
            url.origin,
            url.pathname,
            url.searchParams.get('appid'),
            url.searchParams.get('access_token'),
          ],
          ['https://api.q.qq.com', `/wxpay${f.h5Path}`, f.qq.appId, f.qq.accessToken],
          'the proxied URL',
        );
        same(url.searchParams.get('real_notify_url'), f.qq.realNotifyUrl, 'real_notify_url');
        same(JSON.parse(request.body), f.h5Order, 'the body');
        const header = Object.entries(request.headers).find(
          ([k]) => k.toLowerCase() === 'authorization',
        );
        checkAuthorization(f, header?.[1] ?? '', request.body);
      },
    },
  ];
}
