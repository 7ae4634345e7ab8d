import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeXml, encryptRefundInfo, sign, signXml } from '@qqwxpay/codec-v2';
import { encryptResource, loadPrivateKey, signResponse } from '@qqwxpay/codec-v3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBytes as run } from './hardening-io.ts';

const API_V3_KEY = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6';
const API_KEY = 'x9Y8w7V6u5T4s3R2q1P0o9N8m7L6k5J4';
const SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
const PUB_ID = 'PUB_KEY_ID_0114232134912410000000000000';
const NOW = Math.floor(Date.now() / 1000) + 3_600;

let dir: string;
let certPath: string;
let certKeyPath: string;
let pubPath: string;
let pubPrivate: ReturnType<typeof generateKeyPairSync>['privateKey'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qqwxpay-notify-cli-'));
  certPath = join(dir, 'platform_cert.pem');
  certKeyPath = join(dir, 'platform_key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      certKeyPath,
      '-out',
      certPath,
      '-days',
      '30',
      '-subj',
      '/CN=platform test',
      '-set_serial',
      `0x${SERIAL}`,
    ],
    { stdio: 'ignore' },
  );
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  pubPrivate = pair.privateKey;
  pubPath = join(dir, 'pub_key.pem');
  writeFileSync(pubPath, pair.publicKey.export({ type: 'spki', format: 'pem' }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const resource = {
  out_trade_no: 'T20251204000001',
  transaction_id: '4200001234202512041234567890',
  amount: { total: 9900 },
};

function callback(mode: 'certificate' | 'public-key', timestamp = NOW) {
  const body = JSON.stringify({
    id: 'EV-1',
    create_time: '2025-12-04T08:00:01+08:00',
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: 'ok',
    resource: {
      original_type: 'transaction',
      ...encryptResource(JSON.stringify(resource), API_V3_KEY, { associatedData: 'transaction' }),
    },
  });
  const privateKey =
    mode === 'certificate' ? loadPrivateKey(readFileSync(certKeyPath)) : pubPrivate;
  const headers = signResponse({
    body,
    privateKey,
    serial: mode === 'certificate' ? SERIAL : PUB_ID,
    timestamp,
  });
  return { body, headers };
}

function v3Args(
  headers: Record<string, string>,
  mode: 'certificate' | 'public-key' = 'certificate',
) {
  const keyFlags =
    mode === 'certificate'
      ? ['--certificate', certPath]
      : ['--public-key', pubPath, '--public-key-id', PUB_ID];
  return [
    'notify',
    'v3',
    '--apiv3-key',
    API_V3_KEY,
    ...keyFlags,
    '--headers-json',
    JSON.stringify(headers),
    '--now',
    String(NOW),
  ];
}

describe('qqwxpay notify v3', () => {
  test('prints the decrypted resource after the headers verified (certificate mode)', async () => {
    const { body, headers } = callback('certificate');
    const result = await run(v3Args(headers), body);
    expect(result).toEqual({ code: 0, stdout: `${JSON.stringify(resource)}\n`, stderr: '' });
  });

  test('prints the decrypted plaintext verbatim: escapes, spacing and big numbers survive', async () => {
    const plaintext = '{"out_trade_no": "0001","desc":"\\u652f\\u4ed8","big":12345678901234567890}';
    const body = JSON.stringify({
      id: 'EV-2',
      event_type: 'TRANSACTION.SUCCESS',
      resource: encryptResource(plaintext, API_V3_KEY, { associatedData: 'transaction' }),
    });
    const privateKey = loadPrivateKey(readFileSync(certKeyPath));
    const headers = signResponse({ body, privateKey, serial: SERIAL, timestamp: NOW });
    const result = await run(v3Args(headers), body);
    expect(result).toEqual({ code: 0, stdout: `${plaintext}\n`, stderr: '' });
  });

  test('public-key mode, header names in any case', async () => {
    const { body, headers } = callback('public-key');
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    const result = await run(v3Args(upper, 'public-key'), body);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(resource);
  });

  const notAuthentic: [
    string,
    (c: { body: string; headers: Record<string, string> }) => {
      body: string;
      headers: Record<string, string>;
    },
    string,
  ][] = [
    [
      'a tampered body',
      (c) => ({ ...c, body: c.body.replace('"ok"', '"OK"') }),
      'ERR_V3_SIGNATURE_MISMATCH',
    ],
    [
      'a re-serialised body',
      (c) => ({ ...c, body: JSON.stringify(JSON.parse(c.body), null, 1) }),
      'ERR_V3_SIGNATURE_MISMATCH',
    ],
    [
      'a probe',
      (c) => ({ ...c, headers: { ...c.headers, 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/xyz' } }),
      'ERR_V3_SIGNATURE_PROBE',
    ],
    [
      'an unknown serial',
      (c) => ({ ...c, headers: { ...c.headers, 'Wechatpay-Serial': 'ABCDEF' } }),
      'ERR_V3_SERIAL_UNKNOWN',
    ],
  ];
  for (const [what, mutate, code] of notAuthentic) {
    test(`exit 1 ${code} for ${what}, nothing on standard output`, async () => {
      const { body, headers } = mutate(callback('certificate'));
      const result = await run(v3Args(headers), body);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`^qqwxpay: ${code}: .+\\n$`));
    });
  }

  test('exit 1 for a stale timestamp', async () => {
    const { body, headers } = callback('certificate', NOW - 301);
    const result = await run(v3Args(headers), body);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^qqwxpay: ERR_V3_TIMESTAMP_OUT_OF_WINDOW: /);
  });

  test('exit 1 for a resource under another APIv3 key', async () => {
    const { body, headers } = callback('certificate');
    const args = v3Args(headers);
    args[3] = 'Z'.repeat(32);
    const result = await run(args, body);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^qqwxpay: ERR_V3_DECRYPT_FAILED: /);
  });

  test('exit 2 for usage mistakes: bad --headers-json, no key flag, key of wrong length', async () => {
    const { body, headers } = callback('certificate');
    const bad = v3Args(headers);
    bad[bad.indexOf('--headers-json') + 1] = '{not json';
    expect((await run(bad, body)).code).toBe(2);
    const noKey = [
      'notify',
      'v3',
      '--apiv3-key',
      API_V3_KEY,
      '--headers-json',
      JSON.stringify(headers),
    ];
    expect((await run(noKey, body)).code).toBe(2);
    const shortKey = v3Args(headers);
    shortKey[3] = 'short';
    const result = await run(shortKey, body);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  test('exit 2 for a signed body that is not a callback envelope', async () => {
    const body = '{"hello":"world"}';
    const headers = signResponse({
      body,
      privateKey: loadPrivateKey(readFileSync(certKeyPath)),
      serial: SERIAL,
      timestamp: NOW,
    });
    const result = await run(v3Args(headers), body);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^qqwxpay: ERR_NOTIFY_ENVELOPE_INVALID: /);
  });
});

describe('qqwxpay notify v2', () => {
  const payment = {
    return_code: 'SUCCESS',
    result_code: 'SUCCESS',
    appid: 'wx2421b1c4370ec43b',
    mch_id: '10000100',
    out_trade_no: '000123',
    total_fee: '9900',
    transaction_id: '4200001234202612041234567890',
    nonce_str: 'abc',
  };

  test('prints the fields of a verified payment callback, values as strings', async () => {
    const result = await run(['notify', 'v2', '--key', API_KEY], signXml(payment, API_KEY));
    expect(result.code).toBe(0);
    const fields = JSON.parse(result.stdout);
    expect(fields).toMatchObject({
      out_trade_no: '000123',
      transaction_id: '4200001234202612041234567890',
      total_fee: '9900',
    });
    expect(typeof fields.sign).toBe('string');
  });

  test('HMAC-SHA256 by sign_type', async () => {
    const result = await run(
      ['notify', 'v2', '--key', API_KEY],
      signXml(payment, API_KEY, 'HMAC-SHA256'),
    );
    expect(result.code).toBe(0);
  });

  test('exit 1 for a tampered or unsigned payment callback', async () => {
    const tampered = signXml(payment, API_KEY).replace('9900', '1');
    const bad = await run(['notify', 'v2', '--key', API_KEY], tampered);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^qqwxpay: ERR_V2_SIGNATURE_MISMATCH: /);
    const unsigned = await run(['notify', 'v2', '--key', API_KEY], encodeXml(payment));
    expect(unsigned.code).toBe(1);
  });

  test('prints only the decrypted fields of a refund callback (its outer fields are unsigned)', async () => {
    const reqInfo = encryptRefundInfo(
      {
        transaction_id: '4200001234202612041234567890',
        out_trade_no: '000123',
        refund_id: '5000',
        out_refund_no: 'R1',
        refund_fee: '900',
        refund_status: 'SUCCESS',
      },
      API_KEY,
    );
    const xml = encodeXml({
      return_code: 'SUCCESS',
      appid: 'wx2421b1c4370ec43b',
      mch_id: '10000100',
      nonce_str: 'n',
      req_info: reqInfo,
    });
    const result = await run(['notify', 'v2', '--key', API_KEY], xml);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({ refund_fee: '900', out_trade_no: '000123' });
    expect(printed.mch_id).toBeUndefined();
    const wrongKey = await run(['notify', 'v2', '--key', 'Q'.repeat(32)], xml);
    expect(wrongKey.code).toBe(1);
  });

  test('exit 2 for a DOCTYPE', async () => {
    const xml = `<!DOCTYPE xml>${signXml(payment, API_KEY)}`;
    expect((await run(['notify', 'v2', '--key', API_KEY], xml)).code).toBe(2);
  });

  test('exit 2 for a signed FAIL return_code', async () => {
    const fields = { ...payment, return_code: 'FAIL' };
    const xml = encodeXml({ ...fields, sign: sign(fields, API_KEY) });
    const result = await run(['notify', 'v2', '--key', API_KEY], xml);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^qqwxpay: ERR_NOTIFY_RETURN_FAIL: /);
  });
});
