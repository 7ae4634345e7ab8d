import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encryptResource, loadPrivateKey, signResponse } from '@qqwxpay/codec-v3';
import { describe, expect, test } from 'vitest';
import { runBytes as run } from './hardening-io.ts';

const contractDir = join(import.meta.dirname, '../../../../shared/contract-check');
const fixtures = join(import.meta.dirname, '../../codec-v3/test/fixtures');
const contractKey = (name: string) => join(contractDir, 'keys', name);
const fixture = (name: string) => join(fixtures, name);

async function refused(argv: readonly string[], stdin: string, exit: 1 | 2, code: string) {
  const result = await run(argv, stdin);
  expect(result.stderr).toMatch(new RegExp(`^qqwxpay: ${code}: [^\\n]+\\n$`));
  expect(result.code).toBe(exit);
  expect(result.stdout).toBe('');
}

interface ContractCase {
  name: string;
  argv: string[];
  stdin: string;
  exit: number;
  stdout?: string;
  authorization?: Record<string, string>;
}
const contractCases = (
  JSON.parse(readFileSync(join(contractDir, 'cases.json'), 'utf8')).cases as ContractCase[]
)
  .filter((c) => c.argv[0] === 'v3')
  .map((c) => ({
    ...c,
    argv: c.argv.map((a) => (a.startsWith('@keys/') ? contractKey(a.slice(6)) : a)),
  }));

describe('v3 commands: the contract sample', () => {
  test.each(contractCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const result = await run(c.argv, c.stdin);
    expect(result.code).toBe(c.exit);
    if (c.exit !== 0) {
      expect(result.stdout).toBe('');
      return;
    }
    if (c.stdout !== undefined) expect(result.stdout).toBe(`${c.stdout}\n`);
    if (c.authorization) {
      expect(result.stdout.startsWith('WECHATPAY2-SHA256-RSA2048 ')).toBe(true);
      const attrs = Object.fromEntries(
        [...result.stdout.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
      );
      expect(attrs).toEqual(c.authorization);
    }
  });
});

const platformCert = contractKey('platform_cert.pem');
const platformKey = loadPrivateKey(readFileSync(contractKey('platform_key.pem')));
const SERIAL = '1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D';
const NOW = 1796443200;
const body = '{"h5_url":"https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx42"}';

function verifyArgs(headers: Record<string, string>, extra: string[] = []): string[] {
  return [
    'v3',
    'verify',
    '--certificate',
    platformCert,
    '--timestamp',
    headers['Wechatpay-Timestamp']!,
    '--nonce',
    headers['Wechatpay-Nonce']!,
    '--signature',
    headers['Wechatpay-Signature']!,
    '--serial',
    headers['Wechatpay-Serial']!,
    '--now',
    String(NOW),
    ...extra,
  ];
}

describe('v3 verify', () => {
  const headers = signResponse({
    body,
    privateKey: platformKey,
    serial: SERIAL,
    timestamp: NOW - 10,
    nonce: 'N1',
  });

  test('accepts an authentic body from standard input, printing nothing', async () => {
    expect(await run(verifyArgs(headers), body)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await run(verifyArgs(headers, ['--body-file', '-']), body)).code).toBe(0);
  });

  test('exit 1: changed body, future timestamp, unknown serial, SIGNTEST probe', async () => {
    await refused(verifyArgs(headers), `${body} `, 1, 'ERR_V3_SIGNATURE_MISMATCH');
    const future = signResponse({
      body,
      privateKey: platformKey,
      serial: SERIAL,
      timestamp: NOW + 301,
    });
    await refused(verifyArgs(future), body, 1, 'ERR_V3_TIMESTAMP_OUT_OF_WINDOW');
    await refused(
      verifyArgs({ ...headers, 'Wechatpay-Serial': 'PUB_KEY_ID_0001' }),
      body,
      1,
      'ERR_V3_SERIAL_UNKNOWN',
    );
    await refused(
      verifyArgs({ ...headers, 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/abc' }),
      body,
      1,
      'ERR_V3_SIGNATURE_PROBE',
    );
  });

  test('exit 1: the certificate is outside its validity at --now', async () => {
    const args = verifyArgs(headers);
    args[args.indexOf('--now') + 1] = '4102444800';
    await refused(args, body, 1, 'ERR_V3_CERTIFICATE_EXPIRED');
  });

  test('exit 2: malformed signature or timestamp, missing or conflicting flags', async () => {
    await refused(
      verifyArgs({ ...headers, 'Wechatpay-Signature': 'not base64!' }),
      body,
      2,
      'ERR_V3_SIGNATURE_MALFORMED',
    );
    await refused(
      verifyArgs({ ...headers, 'Wechatpay-Timestamp': '12a' }),
      body,
      2,
      'ERR_V3_TIMESTAMP_MALFORMED',
    );
    await refused(['v3', 'verify', '--certificate', platformCert], body, 2, 'ERR_CLI_USAGE');
    const both = [...verifyArgs(headers), '--public-key', fixture('pubkey_mode_pub.pem')];
    await refused(both, body, 2, 'ERR_CLI_USAGE');
    const missingFile = verifyArgs(headers);
    missingFile[missingFile.indexOf('--certificate') + 1] = join(fixtures, 'no-such-file.pem');
    await refused(missingFile, body, 2, 'ERR_CLI_USAGE');
  });

  test('public-key mode: --public-key with --public-key-id', async () => {
    const key = loadPrivateKey(readFileSync(fixture('pubkey_mode_key.pem')));
    const id = 'PUB_KEY_ID_0114232134912410000000000000';
    const signed = signResponse({ body, privateKey: key, serial: id, timestamp: NOW });
    const args = verifyArgs(signed).filter(
      (a, i, all) => a !== '--certificate' && all[i - 1] !== '--certificate',
    );
    const withKey = [
      ...args,
      '--public-key',
      fixture('pubkey_mode_pub.pem'),
      '--public-key-id',
      id,
    ];
    expect((await run(withKey, body)).code).toBe(0);
    await refused(
      [...args, '--public-key', fixture('pubkey_mode_pub.pem')],
      body,
      2,
      'ERR_CLI_USAGE',
    );
  });
});

describe('v3 authorization', () => {
  const base = [
    'v3',
    'authorization',
    '--mchid',
    '1230000109',
    '--serial',
    SERIAL,
    '--method',
    'GET',
    '--url',
    '/v3/certificates',
    '--timestamp',
    '1796443200',
    '--nonce',
    'N',
  ];

  test('reads a PKCS#12 key with --passphrase, the same signature as from PEM', async () => {
    const fromPem = await run([...base, '--private-key', fixture('merchant_key.pem')]);
    const fromP12 = await run([
      ...base,
      '--private-key',
      fixture('merchant_legacy.p12'),
      '--passphrase',
      '1230000109',
    ]);
    expect(fromPem.code).toBe(0);
    expect(fromP12.stdout).toBe(fromPem.stdout);
    await refused(
      [...base, '--private-key', fixture('merchant_legacy.p12'), '--passphrase', 'wrong'],
      '',
      2,
      'ERR_V3_KEY_INVALID',
    );
  });

  test('signs the body file as read, and refuses an unreadable one', async () => {
    const args = [...base, '--private-key', fixture('merchant_key.pem')];
    const fromFile = await run([...args, '--body-file', fixture('merchant_cert.pem')]);
    const fromStdin = await run(
      [...args, '--body-file', '-'],
      readFileSync(fixture('merchant_cert.pem')),
    );
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toBe(fromStdin.stdout);
    await refused([...args, '--body-file', join(fixtures, 'missing.json')], '', 2, 'ERR_CLI_USAGE');
  });

  test('exit 2 for a lower-case method or a malformed timestamp', async () => {
    const args = [...base, '--private-key', fixture('merchant_key.pem')];
    const lower = args.map((a) => (a === 'GET' ? 'get' : a));
    await refused(lower, '', 2, 'ERR_CLI_INVALID_ARGUMENT');
    await refused(
      args.map((a) => (a === '1796443200' ? 'soon' : a)),
      '',
      2,
      'ERR_CLI_INVALID_ARGUMENT',
    );
  });
});

describe('v3 decrypt', () => {
  const key = '0123456789abcdefghijABCDEFGHIJ01';
  const resource = JSON.stringify(
    encryptResource('{"trade_state":"SUCCESS"}', key, { associatedData: 'transaction' }),
  );

  test('prints the plaintext verbatim', async () => {
    expect(await run(['v3', 'decrypt', '--apiv3-key', key], resource)).toEqual({
      code: 0,
      stdout: '{"trade_state":"SUCCESS"}\n',
      stderr: '',
    });
  });

  test('exit 2 for a key of the wrong length (never trimmed) or input that is not JSON', async () => {
    for (const bad of [`${key} `, key.slice(1), `${key}0123456`]) {
      await refused(['v3', 'decrypt', '--apiv3-key', bad], resource, 2, 'ERR_CLI_INVALID_ARGUMENT');
    }
    await refused(['v3', 'decrypt', '--apiv3-key', key], '{', 2, 'ERR_CLI_USAGE');
    const other = JSON.stringify({ ...JSON.parse(resource), algorithm: 'AEAD_SM4_GCM' });
    await refused(['v3', 'decrypt', '--apiv3-key', key], other, 2, 'ERR_V3_ALGORITHM_UNSUPPORTED');
  });

  test('exit 1 when the tag does not authenticate', async () => {
    const parsed = JSON.parse(resource);
    await refused(
      ['v3', 'decrypt', '--apiv3-key', key],
      JSON.stringify({ ...parsed, associated_data: 'refund' }),
      1,
      'ERR_V3_DECRYPT_FAILED',
    );
  });
});

describe('v3 encrypt-field and decrypt-field', () => {
  test('round-trip under the certificate and the private key', async () => {
    const encrypted = await run(
      ['v3', 'encrypt-field', '--certificate', fixture('merchant_cert.pem')],
      '张三',
    );
    expect(encrypted.code).toBe(0);
    expect(encrypted.stdout).toMatch(/^[A-Za-z0-9+/]+={0,2}\n$/);
    const decrypted = await run(
      [
        'v3',
        'decrypt-field',
        '--private-key',
        fixture('merchant_aes.p12'),
        '--passphrase',
        '1230000109',
      ],
      encrypted.stdout,
    );
    expect(decrypted).toEqual({ code: 0, stdout: '张三\n', stderr: '' });
  });

  test('encrypts under a public key; exit 1 under the wrong private key; exit 2 without a key', async () => {
    const encrypted = await run(
      ['v3', 'encrypt-field', '--public-key', fixture('pubkey_mode_pub.pem')],
      '13800138000',
    );
    expect(encrypted.code).toBe(0);
    await refused(
      ['v3', 'decrypt-field', '--private-key', fixture('merchant_key.pem')],
      encrypted.stdout,
      1,
      'ERR_V3_DECRYPT_FAILED',
    );
    await refused(['v3', 'encrypt-field'], 'x', 2, 'ERR_CLI_USAGE');
    await refused(
      ['v3', 'decrypt-field', '--private-key', fixture('merchant_key.pem')],
      'not base64',
      2,
      'ERR_V3_RESOURCE_MALFORMED',
    );
  });
});
