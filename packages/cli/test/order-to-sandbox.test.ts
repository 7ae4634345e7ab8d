import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseResponse } from '@qqwxpay/codec-v2';
import { VerifierStore, verifyResponse } from '@qqwxpay/codec-v3';
import { DEFAULT_IDS, type Sandbox, startSandbox } from '@qqwxpay/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './proxy-cli-io.ts';

interface PreparedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

async function sendToSandbox(sandbox: Sandbox, request: PreparedRequest) {
  const url = request.url.replace('https://api.q.qq.com', sandbox.qqBaseUrl);
  const response = await fetch(url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe("the CLI's order output, sent to the sandbox", () => {
  let sandbox: Sandbox;
  let dir: string;
  let token: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    dir = await mkdtemp(join(tmpdir(), 'qqwxpay-order-'));
    token = sandbox.issueToken(DEFAULT_IDS.qqAppId);
  });
  afterAll(async () => {
    await sandbox?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('order v2 is accepted and answered with a signed mweb_url', async () => {
    const merchant = sandbox.config.merchants.find((m) => m.mchid === DEFAULT_IDS.directMchid)!;
    const params = {
      appid: DEFAULT_IDS.wechatAppId,
      mch_id: merchant.mchid,
      body: 'CLI order',
      out_trade_no: 'CLIV2ORDER01',
      total_fee: 1,
      spbill_create_ip: '127.0.0.1',
      scene_info: { h5_info: { type: 'Wap', wap_url: 'https://shop.example', wap_name: 'shop' } },
    };
    const prepared = await run(
      [
        'order',
        'v2',
        '--qq-appid',
        DEFAULT_IDS.qqAppId,
        '--access-token',
        token,
        '--key',
        merchant.apiKey,
        '--real-notify-url',
        'http://127.0.0.1:9/notify',
      ],
      JSON.stringify(params),
    );
    expect(prepared.stderr).toBe('');
    const answer = await sendToSandbox(sandbox, JSON.parse(prepared.stdout));
    const fields = parseResponse(answer.body, { key: merchant.apiKey });
    expect(fields.result_code).toBe('SUCCESS');
    expect(fields.mweb_url).toMatch(/^https:\/\/wx\.tenpay\.com\//);
  });

  it("order v3 is accepted: its Authorization holds over WeChat Pay's path", async () => {
    const merchant = sandbox.config.merchants.find((m) => m.mchid === DEFAULT_IDS.directMchid)!;
    const keyFile = join(dir, 'apiclient_key.pem');
    await writeFile(keyFile, merchant.merchantPrivateKey, { mode: 0o600 });
    const body = {
      appid: DEFAULT_IDS.wechatAppId,
      mchid: merchant.mchid,
      description: 'CLI order',
      out_trade_no: 'CLIV3ORDER01',
      amount: { total: 1, currency: 'CNY' },
      scene_info: { payer_client_ip: '127.0.0.1', h5_info: { type: 'Wap' } },
    };
    const prepared = await run(
      [
        'order',
        'v3',
        '--api',
        'v3-h5',
        '--qq-appid',
        DEFAULT_IDS.qqAppId,
        '--access-token',
        token,
        '--private-key',
        keyFile,
        '--serial',
        merchant.merchantSerial,
      ],
      JSON.stringify(body),
    );
    expect(prepared.stderr).toBe('');
    const answer = await sendToSandbox(sandbox, JSON.parse(prepared.stdout));
    expect(answer.status).toBe(200);
    const verifiers = new VerifierStore();
    verifiers.addCertificate(merchant.platformCertificate);
    const verified = verifyResponse(answer, { verifiers });
    expect((verified.json as { h5_url: string }).h5_url).toMatch(/^https:\/\/wx\.tenpay\.com\//);
  });
});
