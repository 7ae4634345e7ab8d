import { createPrivateKey } from 'node:crypto';
import { createRequestSigner, type RequestSigner, VerifierStore } from '@qqwxpay/codec-v3';
import { QQ_PROXY_BASE, WECHAT_PAY_BASE } from '@qqwxpay/proxy-url';
import {
  DEFAULT_IDS,
  generateConfig,
  type MerchantConfig,
  type Sandbox,
  startSandbox,
} from '@qqwxpay/sandbox';
import { type MerchantServer, startMerchantServer } from './merchant-server.ts';
import { Sender } from './sender.ts';

/** The H5 origin WeChat Pay answers in `mweb_url` and `h5_url`. */
const H5_ORIGIN = 'https://wx.tenpay.com';

/** A merchant as the demo's merchant code holds it: keys, and a V3 request signer. */
export interface DemoMerchant {
  config: MerchantConfig;
  signer: RequestSigner;
}

/** An order the demo placed. */
export interface PlacedOrder {
  mchid: string;
  outTradeNo: string;
  total: number;
  h5Url: string;
}

/** Everything the demo's steps share. */
export interface DemoWorld {
  sandbox: Sandbox;
  merchantServer: MerchantServer;
  sender: Sender;
  qqApp: { appId: string; secret: string };
  accessToken: string;
  direct: DemoMerchant;
  serviceProvider: DemoMerchant;
  combine: DemoMerchant;
  verifiers: VerifierStore;
  orders: Map<string, PlacedOrder>;
}

function demoMerchant(config: MerchantConfig): DemoMerchant {
  const signer = createRequestSigner({
    mchid: config.mchid,
    serial: config.merchantSerial,
    privateKey: createPrivateKey(config.merchantPrivateKey),
  });
  return { config, signer };
}

function pick(merchants: MerchantConfig[], mchid: string): MerchantConfig {
  const merchant = merchants.find((m) => m.mchid === mchid);
  if (merchant === undefined) throw new Error(`the sandbox has no merchant ${mchid}`);
  return merchant;
}

/**
 * Generates the sandbox's keys, starts the merchant's callback server with the merchants' keys
 * (as a merchant would load them from its own configuration), then the sandbox, told to send
 * refund callbacks to the merchant server.
 */
export async function startWorld(): Promise<DemoWorld> {
  const config = await generateConfig();
  const merchants = config.merchants;
  const verifiers = new VerifierStore();
  verifiers.addCertificate(pick(merchants, DEFAULT_IDS.directMchid).platformCertificate);

  const merchantServer = await startMerchantServer(merchants, verifiers);
  for (const merchant of merchants) {
    merchant.refundNotifyUrl = `${merchantServer.url}/notify/v3/${merchant.mchid}`;
  }
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ config, timeScale: 0.001, h5Origin: H5_ORIGIN });
  } catch (error) {
    await merchantServer.close();
    throw error;
  }
  const sender = new Sender({
    qq: QQ_PROXY_BASE,
    wechat: WECHAT_PAY_BASE,
    h5: H5_ORIGIN,
    qqBaseUrl: sandbox.qqBaseUrl,
    wechatBaseUrl: sandbox.wechatBaseUrl,
  });
  const app = config.qqApps.find((a) => a.appId === DEFAULT_IDS.qqAppId) ?? config.qqApps[0];
  if (app === undefined) throw new Error('the sandbox has no QQ app');

  return {
    sandbox,
    merchantServer,
    sender,
    qqApp: { appId: app.appId, secret: app.secret },
    accessToken: '',
    direct: demoMerchant(pick(merchants, DEFAULT_IDS.directMchid)),
    serviceProvider: demoMerchant(pick(merchants, DEFAULT_IDS.serviceProviderMchid)),
    combine: demoMerchant(pick(merchants, DEFAULT_IDS.combineMchid)),
    verifiers,
    orders: new Map(),
  };
}

/** Stops the sandbox and the merchant server. */
export async function stopWorld(world: DemoWorld): Promise<void> {
  await world.sandbox.close();
  await world.merchantServer.close();
}
