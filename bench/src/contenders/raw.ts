import {
  createDecipheriv,
  createHash,
  createHmac,
  type KeyObject,
  sign,
  timingSafeEqual,
  verify,
} from 'node:crypto';
import type { Fixtures } from '../fixtures.ts';
import type { Runners } from '../model.ts';

// The same work as each operation with nothing around it: no validation, no options, no
// error classes, keys already in the form node:crypto wants.

function stringToSign(params: Readonly<Record<string, string | number>>, key: string): string {
  const names = Object.keys(params).sort();
  let out = '';
  for (const name of names) {
    const value = params[name];
    if (name === 'sign' || value === '' || value === undefined) continue;
    out += `${name}=${value}&`;
  }
  return `${out}key=${key}`;
}

function md5(params: Readonly<Record<string, string | number>>, key: string): string {
  return createHash('md5').update(stringToSign(params, key)).digest('hex').toUpperCase();
}

function hmac(params: Readonly<Record<string, string | number>>, key: string): string {
  return createHmac('sha256', key).update(stringToSign(params, key)).digest('hex').toUpperCase();
}

/** The raw V2 sign, exported so the official examples can check the baseline itself. */
export function rawSign(
  params: Readonly<Record<string, string | number>>,
  key: string,
  signType: 'MD5' | 'HMAC-SHA256',
): string {
  return signType === 'MD5' ? md5(params, key) : hmac(params, key);
}

function buildXml(fields: Readonly<Record<string, string>>): string {
  let xml = '<xml>';
  for (const name in fields) {
    xml += `<${name}><![CDATA[${fields[name]!.replaceAll(']]>', ']]]]><![CDATA[>')}]]></${name}>`;
  }
  return `${xml}</xml>`;
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A flat scanner for `<xml><name>value</name>…</xml>`, values in CDATA or plain text. */
function scanXml(xml: string): Record<string, string> {
  if (!xml.startsWith('<xml>') || !xml.endsWith('</xml>')) throw new Error('not a V2 body');
  const fields: Record<string, string> = Object.create(null);
  const end = xml.length - 6;
  let at = 5;
  while (at < end) {
    const close = xml.indexOf('>', at);
    const name = xml.slice(at + 1, close);
    const closing = `</${name}>`;
    let value: string;
    if (xml.startsWith('<![CDATA[', close + 1)) {
      const stop = xml.indexOf(']]>', close + 10);
      value = xml.slice(close + 10, stop);
      at = stop + 3;
    } else {
      const stop = xml.indexOf('<', close + 1);
      value = xml.slice(close + 1, stop);
      if (value.includes('&'))
        value = value.replace(/&(\w+);/g, (_, e: string) => entities[e] ?? '');
      at = stop;
    }
    if (!xml.startsWith(closing, at)) throw new Error('unbalanced element');
    at += closing.length;
    fields[name] = value;
  }
  return fields;
}

function verifyXml(xml: string, key: string): Record<string, string> {
  const fields = scanXml(xml);
  const expected = Buffer.from(md5(fields, key));
  const got = Buffer.from(fields.sign ?? '');
  if (got.length !== expected.length || !timingSafeEqual(got, expected)) throw new Error('sign');
  return fields;
}

function authorization(f: Fixtures, key: KeyObject, body: string): string {
  const message = `POST\n${f.h5Path}\n${f.authTimestamp}\n${f.authNonce}\n${body}\n`;
  const signature = sign('sha256', Buffer.from(message), key).toString('base64');
  return `WECHATPAY2-SHA256-RSA2048 mchid="${f.merchant.mchid}",nonce_str="${f.authNonce}",timestamp="${f.authTimestamp}",serial_no="${f.merchant.serial}",signature="${signature}"`;
}

function verifyCallback(
  headers: Record<string, string>,
  body: string,
  keys: ReadonlyMap<string, KeyObject>,
): boolean {
  const timestamp = headers['wechatpay-timestamp']!;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = keys.get(headers['wechatpay-serial']!);
  if (key === undefined) return false;
  const message = Buffer.from(`${timestamp}\n${headers['wechatpay-nonce']}\n${body}\n`);
  return verify('sha256', message, key, Buffer.from(headers['wechatpay-signature']!, 'base64'));
}

interface Resource {
  ciphertext: string;
  nonce: string;
  associated_data: string;
}

function decrypt(resource: Resource, key: Buffer): string {
  const data = Buffer.from(resource.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce));
  decipher.setAuthTag(data.subarray(data.length - 16));
  decipher.setAAD(Buffer.from(resource.associated_data));
  const plaintext = decipher.update(data.subarray(0, data.length - 16));
  decipher.final();
  return plaintext.toString('utf8');
}

function fullCallback(
  message: { headers: Record<string, string>; body: string },
  keys: ReadonlyMap<string, KeyObject>,
  apiV3Key: Buffer,
): unknown {
  if (!verifyCallback(message.headers, message.body, keys)) throw new Error('signature');
  const envelope = JSON.parse(message.body) as { resource: Resource };
  return JSON.parse(decrypt(envelope.resource, apiV3Key));
}

function proxiedOrder(f: Fixtures, key: KeyObject): unknown {
  const body = JSON.stringify(f.h5Order);
  const url =
    `https://api.q.qq.com/wxpay${f.h5Path}?appid=${encodeURIComponent(f.qq.appId)}` +
    `&access_token=${encodeURIComponent(f.qq.accessToken)}` +
    `&real_notify_url=${encodeURIComponent(f.qq.realNotifyUrl)}`;
  return {
    method: 'POST',
    url,
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: authorization(f, key, body),
    },
    body,
  };
}

/** node:crypto doing each operation with nothing around it. */
export function rawRunners(f: Fixtures): Runners {
  const keys = new Map([[f.platform.id, f.platform.publicKey]]);
  const apiV3Key = Buffer.from(f.apiV3Key);
  const cb = f.callback;
  return {
    'V2 sign MD5': { run: () => md5(f.orderMd5, f.v2Key), via: 'createHash(md5)' },
    'V2 sign HMAC-SHA256': { run: () => hmac(f.orderHmac, f.v2Key), via: 'createHmac(sha256)' },
    'V2 build XML': { run: () => buildXml(f.signedOrder), via: 'string concatenation, CDATA' },
    'V2 parse + verify notification': {
      run: () => verifyXml(f.notificationXml, f.v2Key),
      tampered: [() => verifyXml(f.notificationXmlTampered, f.v2Key)],
      via: 'indexOf scanner + createHash(md5) + timingSafeEqual',
    },
    'V3 Authorization': {
      run: () => authorization(f, f.merchant.privateKey, f.h5Body),
      via: 'crypto.sign(sha256, KeyObject)',
    },
    'V3 callback signature verify': {
      run: () => verifyCallback(cb.headers, cb.body, keys),
      tampered: [
        () => verifyCallback(f.callbackTamperedBody.headers, f.callbackTamperedBody.body, keys),
      ],
      via: 'crypto.verify(sha256, KeyObject)',
    },
    'AES-256-GCM resource decrypt': {
      run: () => decrypt(f.resource, apiV3Key),
      tampered: [() => decrypt(f.resourceTamperedTag, apiV3Key)],
      via: 'createDecipheriv(aes-256-gcm)',
    },
    'V3 callback, full': {
      run: () => fullCallback(cb, keys, apiV3Key),
      tampered: [
        () => fullCallback(f.callbackTamperedBody, keys, apiV3Key),
        () => fullCallback(f.callbackTamperedTag, keys, apiV3Key),
      ],
      via: 'crypto.verify + JSON.parse + createDecipheriv + JSON.parse',
    },
    'V3 proxied order prepared': {
      run: () => proxiedOrder(f, f.merchant.privateKey),
      via: 'JSON.stringify + URL by hand + crypto.sign',
    },
  };
}
