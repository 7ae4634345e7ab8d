import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './proxy-cli-io.ts';

const serial = '444F4864EA9B34415D6BD8B6E5E8A5D5F6C0D2BA';
const order = {
  appid: 'wxd678efh567hg6787',
  mchid: '1230000109',
  description: 'QQ会员-月卡',
  out_trade_no: '0000042',
  amount: { total: 88, currency: 'CNY' },
  scene_info: { payer_client_ip: '203.0.113.7', h5_info: { type: 'Wap' } },
};

let dir: string;
let keyPath: string;
let pubPath: string;
let p12Path: string | undefined;

function openssl(args: string[]): { status: number | null; stdout: string } {
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qqwxpay-order-v3-'));
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  keyPath = join(dir, 'apiclient_key.pem');
  pubPath = join(dir, 'apiclient_pub.pem');
  writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(pubPath, publicKey.export({ type: 'spki', format: 'pem' }));
  const certPath = join(dir, 'apiclient_cert.pem');
  const made = openssl([
    'req',
    '-x509',
    '-new',
    '-key',
    keyPath,
    '-subj',
    '/CN=1230000109',
    '-days',
    '1',
    '-out',
    certPath,
  ]);
  if (made.status === 0) {
    const path = join(dir, 'apiclient_cert.p12');
    const exported = openssl([
      'pkcs12',
      '-export',
      '-inkey',
      keyPath,
      '-in',
      certPath,
      '-passout',
      'pass:1230000109',
      '-out',
      path,
    ]);
    if (exported.status === 0) p12Path = path;
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function verifies(message: string, signature: string, name: string): boolean {
  writeFileSync(join(dir, `${name}.msg`), message);
  writeFileSync(join(dir, `${name}.sig`), Buffer.from(signature, 'base64'));
  const result = openssl([
    'dgst',
    '-sha256',
    '-verify',
    pubPath,
    '-signature',
    join(dir, `${name}.sig`),
    join(dir, `${name}.msg`),
  ]);
  return result.status === 0 && result.stdout.includes('Verified OK');
}

const base = [
  'order',
  'v3',
  '--api',
  'v3-h5',
  '--qq-appid',
  '1112223334',
  '--access-token',
  'T/1+2=3',
];

describe('qqwxpay order v3', () => {
  it("prints the request, signed over WeChat Pay's own path (checked with openssl)", async () => {
    const result = await run(
      [
        ...base,
        '--private-key',
        keyPath,
        '--serial',
        serial,
        '--timestamp',
        '1554208460',
        '--nonce',
        'N0NCE',
        '--real-notify-url',
        'https://shop.example.com/pay/cb',
      ],
      JSON.stringify(order),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const request = JSON.parse(result.stdout);
    expect(Object.keys(request)).toEqual(['method', 'url', 'headers', 'body']);
    expect(request.url).toBe(
      'https://api.q.qq.com/wxpay/v3/pay/transactions/h5?appid=1112223334&access_token=T%2F1%2B2%3D3' +
        '&real_notify_url=https%3A%2F%2Fshop.example.com%2Fpay%2Fcb',
    );
    expect(request.body).toBe(
      JSON.stringify({
        ...order,
        notify_url: 'https://api.q.qq.com/wxpay/v3/notify/1230000109/0000042',
      }),
    );
    expect(request.headers['Content-Type']).toBe('application/json');
    expect(request.headers.Accept).toBe('application/json');
    const auth: string = request.headers.Authorization;
    expect(auth).toMatch(/^WECHATPAY2-SHA256-RSA2048 /);
    expect(auth).toContain('mchid="1230000109"');
    expect(auth).toContain(`serial_no="${serial}"`);
    const signature = /signature="([^"]+)"/.exec(auth)![1]!;
    const tail = `1554208460\nN0NCE\n${request.body}\n`;
    expect(verifies(`POST\n/v3/pay/transactions/h5\n${tail}`, signature, 'wechat')).toBe(true);
    const qq = request.url.slice('https://api.q.qq.com'.length);
    expect(verifies(`POST\n${qq}\n${tail}`, signature, 'qq')).toBe(false);
  });

  it('opens a PKCS#12 merchant key with --passphrase', async (context) => {
    if (p12Path === undefined) context.skip();
    const result = await run(
      [...base, '--private-key', p12Path!, '--passphrase', '1230000109', '--serial', serial],
      JSON.stringify(order),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it.each([
    ['a zero amount', { amount: { total: 0, currency: 'CNY' } }, 'amount'],
    ['a long order number', { out_trade_no: 'x'.repeat(33) }, 'out_trade_no'],
    ['a QQ appid', { appid: '1112223334' }, 'appid'],
  ])('exits 2 naming the field for %s', async (_why, change, field) => {
    const result = await run(
      [...base, '--private-key', keyPath, '--serial', serial],
      JSON.stringify({ ...order, ...change }),
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^qqwxpay: ERR_[A-Z0-9_]+: .*${field}`));
  });

  it('exits 2 for a bad real_notify_url, a V2 --api or a missing key flag', async () => {
    const bad = await run(
      [
        ...base,
        '--private-key',
        keyPath,
        '--serial',
        serial,
        '--real-notify-url',
        'ftp://x.example/cb',
      ],
      JSON.stringify(order),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/real_notify_url/);
    const v2 = await run(
      [
        'order',
        'v3',
        '--api',
        'v2-unifiedorder',
        '--qq-appid',
        '1',
        '--access-token',
        'T',
        '--private-key',
        keyPath,
        '--serial',
        serial,
      ],
      JSON.stringify(order),
    );
    expect(v2.code).toBe(2);
    expect((await run([...base, '--serial', serial], JSON.stringify(order))).stderr).toMatch(
      /private-key/,
    );
  });
});
