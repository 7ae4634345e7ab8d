import type { Delivery } from './callbacks/sender.ts';
import type { SandboxConfig, SandboxConfigInput } from './config.ts';
import type { SandboxEvent } from './events.ts';
import type { OrderRecord } from './wechat/order-store.ts';

/** Options of {@link startSandbox}; every one has a default. */
export interface SandboxOptions {
  /** Apps, merchants and keys; a fresh {@link generateConfig} when absent. */
  config?: SandboxConfig | SandboxConfigInput;
  /** The address both sides listen on; `127.0.0.1` by default. */
  host?: string;
  /** The port of QQ's side; 0 (any free port) by default. */
  qqPort?: number;
  /** The port of WeChat Pay's side; 0 (any free port) by default. */
  wechatPort?: number;
  /** Multiplies the callback retry schedule: 1 is WeChat Pay's real pace, 0.001 makes 15 s 15 ms. */
  timeScale?: number;
  /** Lifetime of QQ access tokens, in seconds; 7200 by default. */
  tokenTtlSeconds?: number;
  /** How long a callback attempt waits for the merchant's answer; 5000 ms by default. */
  callbackTimeoutMs?: number;
  /** Deliver callbacks to hosts other than loopback; false by default. */
  allowRemoteCallbacks?: boolean;
  /** The clock, in milliseconds since the epoch (token expiry, V3 timestamps). */
  now?: () => number;
  /**
   * The origin of the `mweb_url` and `h5_url` answered: `https://wx.tenpay.com` by default, as
   * WeChat Pay answers (merchant libraries may insist on https). Pass `'local'` to answer the
   * sandbox's own WeChat Pay base URL instead, so the URL opens as is.
   */
  h5Origin?: string;
  /** Receives one event per request and callback attempt, for logs. */
  onEvent?: (event: SandboxEvent) => void;
}

/** Names an order: by prepay id, or by the merchant id that placed it and its number. */
export type OrderRef = { prepayId: string } | { mchid: string; outTradeNo: string };

/** A running sandbox. */
export interface Sandbox {
  /** Base URL of QQ's side: stands for `https://api.q.qq.com`. */
  readonly qqBaseUrl: string;
  /** Base URL of WeChat Pay's side: stands for `https://api.mch.weixin.qq.com`. */
  readonly wechatBaseUrl: string;
  /** The apps, merchants and keys in use. */
  readonly config: SandboxConfig;
  /**
   * The loopback address for a URL of the real services: `https://api.q.qq.com` becomes
   * {@link qqBaseUrl}, `https://api.mch.weixin.qq.com` and the H5 origin become
   * {@link wechatBaseUrl}; path and query are kept.
   */
  localUrl(url: string): string;
  /** The local address of the pay page behind an `mweb_url` or `h5_url` the sandbox answered. */
  payPageUrl(h5Url: string): string;
  /** Issues a QQ access token for an app, as `getToken` would. */
  issueToken(qqAppId: string): string;
  /** Makes every access token issued so far expire. */
  expireTokens(): void;
  /** The order, as WeChat Pay keeps it. */
  order(ref: OrderRef): OrderRecord | undefined;
  /** Every order, oldest first. */
  orders(): OrderRecord[];
  /** Pays an unpaid order as the user would on the pay page; its callback starts at once. */
  pay(ref: OrderRef): Delivery;
  /** Sends a paid order's payment callback once more, the same body. */
  redeliver(ref: OrderRef): Delivery;
  /** Sends one SIGNTEST probe to a V3 order's notify URL; a correct merchant refuses it. */
  probe(ref: OrderRef): Delivery;
  /** Stops both servers and every pending callback retry. */
  close(): Promise<void>;
}
