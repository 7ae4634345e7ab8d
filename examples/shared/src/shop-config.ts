import { DEFAULT_IDS, type SandboxConfig } from '@qqwxpay/sandbox';

/**
 * What every example shop needs: the QQ app, the WeChat Pay merchant and its keys, and where
 * QQ's backend is. Each example declares the same shape in its own server file.
 */
export interface ShopConfig {
  /** QQ's backend: `https://api.q.qq.com` in production, the sandbox's QQ side here. */
  qqBaseUrl: string;
  qqAppId: string;
  qqSecret: string;
  /** The WeChat appid orders are placed for. */
  wechatAppId: string;
  mchid: string;
  /** The V2 API key. */
  apiKey: string;
  /** The APIv3 key. */
  apiV3Key: string;
  merchantSerial: string;
  /** The merchant's private key, PEM. */
  merchantPrivateKey: string;
  /** WeChat Pay's platform certificate, PEM. */
  platformCertificate: string;
  /** This server's public origin, for `real_notify_url`; its own address when absent. */
  publicUrl?: string;
}

/**
 * The shop's configuration for the sandbox's direct merchant and QQ app, as a merchant would
 * copy it from its consoles.
 *
 * @param config - the sandbox's configuration (`sandbox.config`, or the file `--write-config` wrote)
 * @param qqBaseUrl - the sandbox's QQ side
 * @returns the shop's configuration
 * @throws Error when the configuration lacks the default app or merchant
 */
export function shopConfigFromSandbox(config: SandboxConfig, qqBaseUrl: string): ShopConfig {
  const app = config.qqApps.find((a) => a.appId === DEFAULT_IDS.qqAppId);
  const merchant = config.merchants.find((m) => m.mchid === DEFAULT_IDS.directMchid);
  if (app === undefined || merchant === undefined) {
    throw new Error(
      `the sandbox configuration lacks app ${DEFAULT_IDS.qqAppId} or merchant ${DEFAULT_IDS.directMchid}`,
    );
  }
  return {
    qqBaseUrl,
    qqAppId: app.appId,
    qqSecret: app.secret,
    wechatAppId: DEFAULT_IDS.wechatAppId,
    mchid: merchant.mchid,
    apiKey: merchant.apiKey,
    apiV3Key: merchant.apiV3Key,
    merchantSerial: merchant.merchantSerial,
    merchantPrivateKey: merchant.merchantPrivateKey,
    platformCertificate: merchant.platformCertificate,
  };
}

/**
 * The same configuration as environment variables, for the Next.js example, which reads its
 * keys from `process.env` as a Next.js app does.
 *
 * @param config - the shop's configuration
 * @returns the variables by name
 */
export function shopEnv(config: ShopConfig): Record<string, string> {
  return {
    QQ_BASE_URL: config.qqBaseUrl,
    QQ_APP_ID: config.qqAppId,
    QQ_SECRET: config.qqSecret,
    WECHAT_APPID: config.wechatAppId,
    WXPAY_MCHID: config.mchid,
    WXPAY_APIV3_KEY: config.apiV3Key,
    WXPAY_MERCHANT_SERIAL: config.merchantSerial,
    WXPAY_MERCHANT_KEY: config.merchantPrivateKey,
    WXPAY_PLATFORM_CERT: config.platformCertificate,
    ...(config.publicUrl === undefined ? {} : { PUBLIC_URL: config.publicUrl }),
  };
}
