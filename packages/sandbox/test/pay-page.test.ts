import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeXml, verifyXml } from '@qqwxpay/codec-v2';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type Sandbox, startSandbox } from '../src/index.ts';
import { call, merchantOf, orderNumber, v2OrderXml } from './helpers/client.ts';
import { type MerchantEndpoint, startMerchantEndpoint } from './helpers/merchant-endpoint.ts';
import { sharedConfig } from './helpers/shared-config.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Without Chromium the test is skipped on a workstation, but in CI it runs and fails.
const available = existsSync(CHROMIUM) || Boolean(process.env.CI);

describe.runIf(available)('the pay page in headless Chromium', () => {
  let sandbox: Sandbox;
  let endpoint: MerchantEndpoint;
  let profile: string;
  let launched: Promise<BrowserContext> | undefined;

  // Launched by the first test that needs it, so a missing Chromium fails the tests themselves.
  function browser(): Promise<BrowserContext> {
    launched ??= chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
    });
    return launched;
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ config: await sharedConfig(), timeScale: 0.001 });
    endpoint = await startMerchantEndpoint();
    profile = await mkdtemp(join(tmpdir(), 'qqwxpay-chromium-'));
  });
  afterAll(async () => {
    await launched?.then((context) => context.close()).catch(() => undefined);
    await sandbox?.close();
    await endpoint?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  async function placeOrder(): Promise<{ h5Url: string; number: string }> {
    const merchant = merchantOf(sandbox, DEFAULT_IDS.directMchid);
    const token = sandbox.issueToken(DEFAULT_IDS.qqAppId);
    const realNotifyUrl = encodeURIComponent(`${endpoint.url}/notify`);
    const url = `${sandbox.qqBaseUrl}/wxpay/unifiedorder?appid=${DEFAULT_IDS.qqAppId}&access_token=${token}&real_notify_url=${realNotifyUrl}`;
    const number = orderNumber('W');
    const answer = await call(url, {
      method: 'POST',
      body: v2OrderXml(merchant, { out_trade_no: number, total_fee: '1234' }),
    });
    return { h5Url: verifyXml(answer.body, merchant.apiKey).mweb_url!, number };
  }

  it('shows the order, and Pay marks it paid and sends the callback through QQ', async () => {
    const { h5Url, number } = await placeOrder();
    const page = await (await browser()).newPage();
    await page.goto(sandbox.payPageUrl(h5Url));
    expect(await page.locator('#amount').textContent()).toBe('¥12.34');
    expect(await page.locator('dl').textContent()).toContain(number);

    await page.getByRole('button', { name: 'Pay' }).click();
    await page.locator('#result').waitFor();
    expect(await page.locator('#result').textContent()).toBe('Payment successful');

    const [callback] = await endpoint.waitFor(1);
    expect(decodeXml(callback!.body)).toMatchObject({ out_trade_no: number, total_fee: '1234' });
    expect(sandbox.order({ mchid: DEFAULT_IDS.directMchid, outTradeNo: number })?.state).toBe(
      'SUCCESS',
    );
    await page.close();
  });

  it('Cancel leaves the order unpaid and sends nothing', async () => {
    const before = endpoint.received.length;
    const { h5Url, number } = await placeOrder();
    const page = await (await browser()).newPage();
    await page.goto(sandbox.payPageUrl(h5Url));
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('#result').waitFor();
    expect(await page.locator('#result').textContent()).toBe('Payment cancelled');
    expect(sandbox.order({ mchid: DEFAULT_IDS.directMchid, outTradeNo: number })?.state).toBe(
      'NOTPAY',
    );
    expect(endpoint.received).toHaveLength(before);
    await page.close();
  });
});
