import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_IDS,
  loadConfig,
  parseConfig,
  type SandboxConfig,
  SandboxError,
  startSandbox,
} from '../src/index.ts';
import { sharedConfig } from './helpers/shared-config.ts';

let config: SandboxConfig;
let dir: string;
beforeAll(async () => {
  config = await sharedConfig();
  dir = await mkdtemp(join(tmpdir(), 'qqwxpay-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof SandboxError ? `${error.code} ${error.field}` : String(error);
  }
  return undefined;
}

describe('generateConfig', () => {
  it('has the documented apps and merchants, with certificates whose serials match', () => {
    const app = config.qqApps.find((a) => a.appId === DEFAULT_IDS.qqAppId);
    expect(app?.wechatPayEnabled).toBe(true);
    expect(app?.boundMchids).not.toContain(DEFAULT_IDS.unboundMchid);
    expect(
      config.qqApps.find((a) => a.appId === DEFAULT_IDS.qqAppWithoutPay)?.wechatPayEnabled,
    ).toBe(false);
    for (const merchant of config.merchants) {
      expect(new X509Certificate(merchant.merchantCertificate).serialNumber.toUpperCase()).toBe(
        merchant.merchantSerial,
      );
      expect(new X509Certificate(merchant.platformCertificate).serialNumber.toUpperCase()).toBe(
        merchant.platformSerial,
      );
      expect(merchant.apiKey).not.toBe(merchant.apiV3Key);
    }
    expect(
      config.merchants.find((m) => m.mchid === DEFAULT_IDS.serviceProviderMchid)?.subMchids,
    ).toEqual([DEFAULT_IDS.subMchid]);
  });
});

describe('parseConfig and loadConfig', () => {
  it('round-trips a configuration through JSON', async () => {
    const file = join(dir, 'ok.json');
    await writeFile(file, JSON.stringify(config));
    expect(await loadConfig(file)).toEqual(config);
  });

  it('names the first path that does not hold, never its value', () => {
    const [first, ...rest] = config.merchants;
    const cases: [unknown, string][] = [
      [{ ...config, merchants: [{ ...first, apiKey: 'short' }, ...rest] }, 'merchants.0.apiKey'],
      [
        { ...config, merchants: [{ ...first, apiV3Key: undefined }, ...rest] },
        'merchants.0.apiV3Key',
      ],
      [
        { ...config, qqApps: [{ ...config.qqApps[0], notifyUrl: 'ftp://x' }] },
        'qqApps.0.notifyUrl',
      ],
      [{ ...config, qqApps: [] }, 'qqApps'],
      [{ ...config, extra: 1 }, ''],
      [{ ...config, merchants: [first, first] }, 'merchants.mchid'],
    ];
    for (const [value, field] of cases) {
      const outcome = codeOf(() => parseConfig(value));
      expect(outcome).toBe(`ERR_SANDBOX_CONFIG_INVALID ${field}`);
    }
    let message = 'accepted';
    try {
      parseConfig({ ...config, merchants: [{ ...first, apiKey: 'x'.repeat(31) }] });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('merchants.0.apiKey');
    expect(message).not.toContain('x'.repeat(31));
  });

  it('keeps a secret near a JSON syntax error out of the error and its cause', async () => {
    const secret = 'SECRETapiKey0123456789abcdefghij';
    const file = join(dir, 'leaky.json');
    await writeFile(file, `{"merchants":[{"apiKey":${secret}}]}`);
    const error = (await loadConfig(file).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'ERR_SANDBOX_CONFIG_UNREADABLE' });
    const seen = `${error.message} ${String(error.cause ?? '')} ${JSON.stringify(error)}`;
    expect(seen).not.toContain(secret.slice(0, 10));
  });

  it('ERR_SANDBOX_CONFIG_UNREADABLE for a missing file or one that is not JSON', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ not json');
    for (const path of [file, join(dir, 'missing.json')]) {
      await expect(loadConfig(path)).rejects.toMatchObject({
        code: 'ERR_SANDBOX_CONFIG_UNREADABLE',
      });
    }
  });
});

describe('startSandbox options', () => {
  it('refuses ports, time scales and token lifetimes out of range, naming the option', async () => {
    await expect(startSandbox({ config, qqPort: 70_000 })).rejects.toThrow(/qqPort/);
    await expect(startSandbox({ config, timeScale: 0 })).rejects.toThrow(/timeScale/);
    await expect(startSandbox({ config, tokenTtlSeconds: 1.5 })).rejects.toThrow(/tokenTtlSeconds/);
  });

  it('listens on 127.0.0.1 by default and ERR_SANDBOX_LISTEN_FAILED for a taken port', async () => {
    const first = await startSandbox({ config });
    try {
      expect(first.qqBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const port = Number(new URL(first.qqBaseUrl).port);
      await expect(startSandbox({ config, qqPort: port })).rejects.toMatchObject({
        code: 'ERR_SANDBOX_LISTEN_FAILED',
      });
    } finally {
      await first.close();
    }
  });
});
