import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import type { CallbackSender } from '../callbacks/sender.ts';
import type { MerchantConfig, QqAppConfig, SandboxConfig } from '../config.ts';
import type { SandboxEvent } from '../events.ts';
import type { NotifyRoutes } from '../qq/notify-routes.ts';
import type { TokenStore } from '../qq/token-store.ts';
import type { OrderStore } from '../wechat/order-store.ts';

/** A merchant with its keys loaded. */
export interface Merchant {
  config: MerchantConfig;
  /** Checks the merchant's V3 request signatures. */
  publicKey: KeyObject;
  /** Signs WeChat Pay's responses and callbacks to this merchant. */
  platformKey: KeyObject;
}

/** Everything the handlers of both sides share. */
export interface SandboxContext {
  config: SandboxConfig;
  merchants: Map<string, Merchant>;
  apps: Map<string, QqAppConfig>;
  tokens: TokenStore;
  routes: NotifyRoutes;
  orders: OrderStore;
  callbacks: CallbackSender;
  /** Milliseconds since the epoch. */
  now(): number;
  qqBaseUrl: string;
  wechatBaseUrl: string;
  /** The origin of `mweb_url` and `h5_url`; the page itself is served at `wechatBaseUrl`. */
  h5Origin: string;
  allowRemoteCallbacks: boolean;
  callbackTimeoutMs: number;
  emit(event: SandboxEvent): void;
}

/** Loads every merchant's keys once, at start. */
export function loadMerchants(config: SandboxConfig): Map<string, Merchant> {
  const merchants = new Map<string, Merchant>();
  for (const merchant of config.merchants) {
    merchants.set(merchant.mchid, {
      config: merchant,
      publicKey: new X509Certificate(merchant.merchantCertificate).publicKey,
      platformKey: createPrivateKey(merchant.platformPrivateKey),
    });
  }
  return merchants;
}
