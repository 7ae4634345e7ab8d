import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SandboxError } from './errors.ts';

const digits = (min: number, max: number) => z.string().regex(new RegExp(`^\\d{${min},${max}}$`));
const pem = (label: string) => z.string().includes(`-----BEGIN ${label}`);
const httpUrl = z.url({ protocol: /^https?$/ });

/** A QQ mini program as QQ's backend knows it. */
export interface QqAppConfig {
  /** QQ's appid of the mini program (digits). */
  appId: string;
  /** The app secret `getToken` checks. */
  secret: string;
  /** Whether WeChat Pay is enabled for the app in QQ's console (9032 when not). */
  wechatPayEnabled: boolean;
  /** WeChat Pay merchant ids bound to the app in QQ's console (9030 for any other). */
  boundMchids: string[];
  /** Where QQ forwards payment callbacks of orders placed without `real_notify_url`. */
  notifyUrl?: string | undefined;
}

/** A WeChat Pay merchant as WeChat Pay knows it. */
export interface MerchantConfig {
  /** WeChat Pay's merchant id. */
  mchid: string;
  /** `direct` merchant, or `service-provider` placing orders for its sub-merchants. */
  kind: 'direct' | 'service-provider';
  /** WeChat appids (`wx…`) the merchant may take payments for. */
  appIds: string[];
  /** Sub-merchant ids a service provider may place orders for. */
  subMchids: string[];
  /** The V2 API key, 32 characters. */
  apiKey: string;
  /** The APIv3 key, 32 characters. */
  apiV3Key: string;
  /** Serial of the merchant's API certificate, upper-case hex. */
  merchantSerial: string;
  /** The merchant's API certificate (PEM): its key checks the `Authorization` of V3 requests. */
  merchantCertificate: string;
  /** The merchant's private key (PEM, PKCS#8), handed to the code under test. */
  merchantPrivateKey: string;
  /** Serial of WeChat Pay's platform certificate for this merchant. */
  platformSerial: string;
  /** WeChat Pay's platform certificate (PEM): merchants verify responses and callbacks with it. */
  platformCertificate: string;
  /** WeChat Pay's platform private key (PEM): the sandbox signs with it. */
  platformPrivateKey: string;
  /** The refund callback address set in the merchant platform, for refunds without one. */
  refundNotifyUrl?: string | undefined;
}

/** Everything the sandbox plays with: QQ apps and WeChat Pay merchants. */
export interface SandboxConfig {
  qqApps: QqAppConfig[];
  merchants: MerchantConfig[];
}

/** A configuration as written in a JSON file: `subMchids` may be left out. */
export interface SandboxConfigInput {
  qqApps: QqAppConfig[];
  merchants: (Omit<MerchantConfig, 'subMchids'> & { subMchids?: string[] | undefined })[];
}

const qqAppSchema = z.strictObject({
  /** QQ's appid of the mini program (digits). */
  appId: digits(6, 20),
  /** The app secret `getToken` checks. */
  secret: z.string().min(16).max(64),
  /** Whether WeChat Pay is enabled for the app in QQ's console (9032 when not). */
  wechatPayEnabled: z.boolean(),
  /** WeChat Pay merchant ids bound to the app in QQ's console (9030 for any other). */
  boundMchids: z.array(digits(8, 12)),
  /** Where QQ forwards payment callbacks of orders placed without `real_notify_url`. */
  notifyUrl: httpUrl.optional(),
});

const merchantSchema = z.strictObject({
  /** WeChat Pay's merchant id. */
  mchid: digits(8, 12),
  /** `direct` merchant, or `service-provider` placing orders for its sub-merchants. */
  kind: z.enum(['direct', 'service-provider']),
  /** WeChat appids (`wx…`) the merchant may take payments for. */
  appIds: z.array(z.string().regex(/^wx[0-9a-f]{16}$/)).min(1),
  /** Sub-merchant ids a service provider may place orders for. */
  subMchids: z.array(digits(8, 12)).default([]),
  /** The V2 API key, 32 characters. */
  apiKey: z.string().regex(/^[0-9A-Za-z]{32}$/),
  /** The APIv3 key, 32 characters. */
  apiV3Key: z.string().regex(/^[0-9A-Za-z]{32}$/),
  /** Serial of the merchant's API certificate, upper-case hex. */
  merchantSerial: z.string().regex(/^[0-9A-F]{8,40}$/),
  /** The merchant's API certificate (PEM): its key checks the `Authorization` of V3 requests. */
  merchantCertificate: pem('CERTIFICATE'),
  /** The merchant's private key (PEM), handed to the code under test. */
  merchantPrivateKey: pem('PRIVATE KEY'),
  /** Serial of WeChat Pay's platform certificate for this merchant. */
  platformSerial: z.string().regex(/^[0-9A-F]{8,40}$/),
  /** WeChat Pay's platform certificate (PEM): merchants verify responses and callbacks with it. */
  platformCertificate: pem('CERTIFICATE'),
  /** WeChat Pay's platform private key (PEM): the sandbox signs with it. */
  platformPrivateKey: pem('PRIVATE KEY'),
  /** The refund callback address set in the merchant platform, for refunds without one. */
  refundNotifyUrl: httpUrl.optional(),
});

/** The checks {@link parseConfig} applies. */
export const sandboxConfigSchema: z.ZodType<SandboxConfig, SandboxConfigInput> = z.strictObject({
  qqApps: z.array(qqAppSchema).min(1),
  merchants: z.array(merchantSchema).min(1),
});

/**
 * Checks a configuration object and applies its defaults.
 *
 * @param value - the parsed JSON of a configuration file, or an object built in code
 * @returns the checked configuration
 * @throws {SandboxError} `ERR_SANDBOX_CONFIG_INVALID` naming the first path that does not hold
 * @example
 * ```ts
 * const config = parseConfig(JSON.parse(await readFile('sandbox.json', 'utf8')));
 * ```
 */
export function parseConfig(value: unknown): SandboxConfig {
  const result = sandboxConfigSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new SandboxError(
      'ERR_SANDBOX_CONFIG_INVALID',
      `configuration: ${field || '(root)'}: ${issue?.message ?? 'invalid'}`,
      { field },
    );
  }
  const mchids = new Set<string>();
  for (const merchant of result.data.merchants) {
    if (mchids.has(merchant.mchid)) {
      throw new SandboxError('ERR_SANDBOX_CONFIG_INVALID', 'configuration: duplicate mchid', {
        field: 'merchants.mchid',
      });
    }
    mchids.add(merchant.mchid);
  }
  return result.data;
}

/**
 * Reads and checks a JSON configuration file.
 *
 * @param path - the file's path
 * @returns the checked configuration
 * @throws {SandboxError} `ERR_SANDBOX_CONFIG_UNREADABLE` when the file cannot be read or is not
 *   JSON; `ERR_SANDBOX_CONFIG_INVALID` when it does not hold
 * @example
 * ```ts
 * const sandbox = await startSandbox({ config: await loadConfig('sandbox.json') });
 * ```
 */
export async function loadConfig(path: string): Promise<SandboxConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new SandboxError('ERR_SANDBOX_CONFIG_UNREADABLE', 'configuration file unreadable', {
      cause,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // V8's SyntaxError quotes the text around the fault, and this file holds keys and secrets.
    throw new SandboxError('ERR_SANDBOX_CONFIG_UNREADABLE', 'configuration file is not JSON');
  }
  return parseConfig(value);
}
