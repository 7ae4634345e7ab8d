import { randomBytes } from 'node:crypto';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  loadConfig,
  type SandboxConfig,
  type SandboxEvent,
  type SandboxOptions,
  startSandbox,
} from '@qqwxpay/sandbox';
import type { Command, Flags } from '../command.ts';
import type { CliIo } from '../io.ts';
import { UsageError } from '../usage-error.ts';

function port(flags: Flags, name: string): number {
  const value = flags[name];
  if (value === undefined) return 0;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d{1,5}$/.test(value) || n > 65_535) {
    throw new UsageError(`--${name} must be a port number 0-65535`);
  }
  return n;
}

function positive(flags: Flags, name: string): number | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`--${name} must be a positive number`);
  }
  return n;
}

function eventLine(event: SandboxEvent): string {
  const parts = [event.side.padEnd(8), event.kind];
  if (event.method !== undefined) parts.push(event.method);
  if (event.path !== undefined) parts.push(event.path);
  if (event.status !== undefined) parts.push(String(event.status));
  if (event.note !== undefined) parts.push(`(${event.note})`);
  return `${new Date().toISOString().slice(11, 23)} ${parts.join(' ')}\n`;
}

function summary(
  config: SandboxConfig,
  qq: string,
  wechat: string,
  localH5: boolean,
  written?: string,
): string {
  const apps = config.qqApps.map(
    (app) =>
      `  QQ app ${app.appId}: WeChat Pay ${app.wechatPayEnabled ? 'enabled' : 'NOT enabled'}, ` +
      `bound to ${app.boundMchids.join(', ') || 'no merchant'}`,
  );
  const merchants = config.merchants.map(
    (m) => `  merchant ${m.mchid} (${m.kind}), API certificate ${m.merchantSerial}`,
  );
  return [
    'qqwxpay sandbox: QQ proxy and WeChat Pay on loopback',
    `  QQ backend   ${qq}   (for https://api.q.qq.com)`,
    `  WeChat Pay   ${wechat}   (for https://api.mch.weixin.qq.com and the pay page)`,
    localH5
      ? '  H5 URLs (mweb_url, h5_url) open the pay page as they are'
      : `  H5 URLs name https://wx.tenpay.com as WeChat Pay's do: open them at ${wechat} with the same path`,
    ...apps,
    ...merchants,
    written === undefined
      ? '  keys: pass --write-config FILE to save them for the code under test'
      : `  keys, secrets and certificates written to ${written}`,
    'Ctrl-C stops it.',
    '',
  ].join('\n');
}

/**
 * Runs the sandbox until `until` settles: starts it from the flags, prints its addresses and
 * one line per request and callback, then closes it.
 */
export async function runSandbox(
  flags: Flags,
  io: CliIo,
  until: Promise<unknown>,
): Promise<number> {
  const options: SandboxOptions = {
    host: typeof flags.host === 'string' ? flags.host : '127.0.0.1',
    qqPort: port(flags, 'qq-port'),
    wechatPort: port(flags, 'wechat-port'),
    onEvent: flags.quiet === true ? undefined : (event) => io.stdout(eventLine(event)),
  };
  const timeScale = positive(flags, 'time-scale');
  if (timeScale !== undefined) options.timeScale = timeScale;
  const ttl = positive(flags, 'token-ttl');
  if (ttl !== undefined) options.tokenTtlSeconds = Math.ceil(ttl);
  if (flags['local-h5-urls'] === true) options.h5Origin = 'local';
  if (typeof flags.config === 'string') options.config = await loadConfig(flags.config);

  const sandbox = await startSandbox(options);
  try {
    const written = typeof flags['write-config'] === 'string' ? flags['write-config'] : undefined;
    if (written !== undefined) {
      await writeSecretFile(written, `${JSON.stringify(sandbox.config, null, 2)}\n`);
    }
    const localH5 = flags['local-h5-urls'] === true;
    io.stdout(summary(sandbox.config, sandbox.qqBaseUrl, sandbox.wechatBaseUrl, localH5, written));
    await until;
  } finally {
    await sandbox.close();
  }
  return 0;
}

/**
 * Writes secrets to `path` so that the file ends with mode 0600 whatever was there before: a new
 * file of mode 0600 in the same directory, renamed over the old one. A directory or a place that
 * cannot be written is a usage error naming the flag.
 */
async function writeSecretFile(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(temporary, text, { mode: 0o600, flag: 'wx' });
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as { code?: unknown }).code;
    throw new UsageError(
      `cannot write the --write-config file ${path}${typeof code === 'string' ? ` (${code})` : ''}`,
    );
  }
}

function signal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** `qqwxpay sandbox`: the offline QQ proxy and WeChat Pay, until interrupted. */
export const sandboxCommand: Command = {
  words: ['sandbox'],
  summary: 'run the offline QQ proxy and WeChat Pay on loopback until interrupted',
  flags: {
    host: 'string',
    'qq-port': 'string',
    'wechat-port': 'string',
    config: 'string',
    'write-config': 'string',
    'time-scale': 'string',
    'token-ttl': 'string',
    'local-h5-urls': 'boolean',
    quiet: 'boolean',
  },
  run: (flags, io) => runSandbox(flags, io, signal()),
};
