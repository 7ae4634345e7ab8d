import { CallbackSender } from './callbacks/sender.ts';
import { parseConfig } from './config.ts';
import { SandboxError } from './errors.ts';
import type { SandboxEvent } from './events.ts';
import { generateConfig } from './generate-config.ts';
import { loadMerchants, type SandboxContext } from './internal/context.ts';
import { type Listening, startHttpServer } from './internal/http-server.ts';
import { NotifyRoutes } from './qq/notify-routes.ts';
import { QQ_ORIGIN } from './qq/proxy-order.ts';
import { qqRouter } from './qq/router.ts';
import { TokenStore } from './qq/token-store.ts';
import type { OrderRef, Sandbox, SandboxOptions } from './sandbox.ts';
import { type OrderRecord, OrderStore } from './wechat/order-store.ts';
import { payOrder, redeliverPayment } from './wechat/pay-order.ts';
import { PAY_PAGE_PATH } from './wechat/pay-page.ts';
import { probeOrder } from './wechat/probe-order.ts';
import { wechatRouter } from './wechat/router.ts';

const WECHAT_PAY_ORIGIN = 'https://api.mch.weixin.qq.com';

function checkOptions(options: SandboxOptions): void {
  for (const name of ['qqPort', 'wechatPort'] as const) {
    const port = options[name];
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535)) {
      throw new RangeError(`${name} must be an integer port 0-65535, got ${port}`);
    }
  }
  const scale = options.timeScale;
  if (scale !== undefined && !(Number.isFinite(scale) && scale > 0)) {
    throw new RangeError(`timeScale must be a positive number, got ${scale}`);
  }
  const ttl = options.tokenTtlSeconds;
  if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0)) {
    throw new RangeError(`tokenTtlSeconds must be a positive integer, got ${ttl}`);
  }
}

/**
 * Starts the sandbox: QQ's backend and WeChat Pay, each on its own loopback port. Point the
 * code under test at `qqBaseUrl` for `https://api.q.qq.com` and `wechatBaseUrl` for
 * `https://api.mch.weixin.qq.com`; it answers and refuses as they do, and sends callbacks
 * through QQ's notify proxy to the merchant's `real_notify_url`.
 *
 * @param options - ports, configuration, pace of retries, clock
 * @returns the running sandbox
 * @throws {SandboxError} `ERR_SANDBOX_CONFIG_INVALID` for a configuration that does not hold,
 *   `ERR_SANDBOX_LISTEN_FAILED` when a port cannot be taken
 * @throws RangeError for a port, time scale or token lifetime out of range
 * @example
 * ```ts
 * const sandbox = await startSandbox({ timeScale: 0.001 });
 * const token = sandbox.issueToken(sandbox.config.qqApps[0].appId);
 * // … place an order at sandbox.qqBaseUrl, then:
 * await sandbox.pay({ prepayId }).settled;
 * await sandbox.close();
 * ```
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  checkOptions(options);
  const config =
    options.config === undefined ? await generateConfig() : parseConfig(options.config);
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const listener = options.onEvent;
  const emit = (event: SandboxEvent): void => {
    try {
      listener?.(event);
    } catch {
      // A failing listener must not change what the sandbox answers.
    }
  };

  const bases = { qq: '' };
  const callbacks = new CallbackSender({
    qqBaseUrl: () => bases.qq,
    timeScale: options.timeScale ?? 1,
    timeoutMs: options.callbackTimeoutMs ?? 5000,
    allowRemote: options.allowRemoteCallbacks ?? false,
    now,
    emit,
  });
  const context: SandboxContext = {
    config,
    merchants: loadMerchants(config),
    apps: new Map(config.qqApps.map((app) => [app.appId, app])),
    tokens: new TokenStore(options.tokenTtlSeconds ?? 7200, now),
    routes: new NotifyRoutes(),
    orders: new OrderStore(),
    callbacks,
    now,
    qqBaseUrl: '',
    wechatBaseUrl: '',
    h5Origin: '',
    allowRemoteCallbacks: options.allowRemoteCallbacks ?? false,
    callbackTimeoutMs: options.callbackTimeoutMs ?? 5000,
    emit,
  };

  const servers: Listening[] = [];
  try {
    servers.push(await startHttpServer(host, options.qqPort ?? 0, (r) => qqRouter(context, r)));
    servers.push(
      await startHttpServer(host, options.wechatPort ?? 0, (r) => wechatRouter(context, r)),
    );
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    throw error;
  }
  context.qqBaseUrl = bases.qq = servers[0]?.url ?? '';
  context.wechatBaseUrl = servers[1]?.url ?? '';
  const h5Origin = options.h5Origin ?? 'https://wx.tenpay.com';
  context.h5Origin = h5Origin === 'local' ? context.wechatBaseUrl : new URL(h5Origin).origin;

  let closed = false;
  const find = (ref: OrderRef): OrderRecord => {
    if (closed) throw new SandboxError('ERR_SANDBOX_CLOSED', 'the sandbox is closed');
    const order =
      'prepayId' in ref
        ? context.orders.byPrepayId(ref.prepayId)
        : context.orders.get(ref.mchid, ref.outTradeNo);
    if (order === undefined) throw new SandboxError('ERR_SANDBOX_ORDER_NOT_FOUND', 'no such order');
    return order;
  };
  return {
    qqBaseUrl: context.qqBaseUrl,
    wechatBaseUrl: context.wechatBaseUrl,
    config,
    localUrl: (url) => {
      const { origin, pathname, search } = new URL(url);
      const base =
        origin === QQ_ORIGIN
          ? context.qqBaseUrl
          : origin === WECHAT_PAY_ORIGIN || origin === context.h5Origin
            ? context.wechatBaseUrl
            : undefined;
      if (base === undefined)
        throw new RangeError(`url is not on a service the sandbox plays: ${origin}`);
      return `${base}${pathname}${search}`;
    },
    payPageUrl: (h5Url) => {
      const url = new URL(h5Url);
      if (url.origin !== context.h5Origin || url.pathname !== PAY_PAGE_PATH) {
        throw new RangeError('h5Url is not an H5 URL this sandbox answered');
      }
      return `${context.wechatBaseUrl}${url.pathname}${url.search}`;
    },
    issueToken: (qqAppId) => {
      if (!context.apps.has(qqAppId)) throw new RangeError('qqAppId is not a configured QQ app');
      return context.tokens.issue(qqAppId).accessToken;
    },
    expireTokens: () => context.tokens.expireAll(),
    order: (ref) =>
      'prepayId' in ref
        ? context.orders.byPrepayId(ref.prepayId)
        : context.orders.get(ref.mchid, ref.outTradeNo),
    orders: () => context.orders.all(),
    pay: (ref) => payOrder(context, find(ref)),
    redeliver: (ref) => redeliverPayment(context, find(ref)),
    probe: (ref) => probeOrder(context, find(ref)),
    close: async () => {
      if (closed) return;
      closed = true;
      context.callbacks.close();
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
