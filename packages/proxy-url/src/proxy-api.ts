/** The origin of QQ's mini program backend, where the proxied order endpoints live. */
export const QQ_PROXY_BASE = 'https://api.q.qq.com';

/** The origin of WeChat Pay's API, where QQ forwards proxied orders. */
export const WECHAT_PAY_BASE = 'https://api.mch.weixin.qq.com';

/**
 * The four order endpoints QQ's proxy forwards: V2 unified order, and V3 H5 orders for a
 * direct merchant, a service provider (partner mode) and combine orders.
 */
export type ProxyApi = 'v2-unifiedorder' | 'v3-h5' | 'v3-partner-h5' | 'v3-combine-h5';

/** Every {@link ProxyApi}, in the order QQ's page lists them. */
export const PROXY_APIS: readonly ProxyApi[] = [
  'v2-unifiedorder',
  'v3-h5',
  'v3-partner-h5',
  'v3-combine-h5',
];

const WECHAT_PATHS: Readonly<Record<ProxyApi, string>> = {
  'v2-unifiedorder': '/pay/unifiedorder',
  'v3-h5': '/v3/pay/transactions/h5',
  'v3-partner-h5': '/v3/pay/partner/transactions/h5',
  'v3-combine-h5': '/v3/combine-transactions/h5',
};

/**
 * Tells whether a value names one of the four proxied endpoints.
 *
 * @param value - anything
 * @example
 * ```ts
 * isProxyApi('v3-h5'); // true
 * ```
 */
export function isProxyApi(value: unknown): value is ProxyApi {
  return typeof value === 'string' && Object.hasOwn(WECHAT_PATHS, value);
}

function checkApi(api: ProxyApi): void {
  if (!isProxyApi(api)) {
    throw new TypeError(`api must be one of ${PROXY_APIS.join(', ')}; got ${describe(api)}`);
  }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value.slice(0, 40)}'` : typeof value;
}

/**
 * The path of WeChat Pay's own endpoint behind a proxied one: the path a V3 order is signed
 * over, because QQ forwards the request there unchanged.
 *
 * @param api - the proxied endpoint
 * @throws TypeError when `api` is not a {@link ProxyApi}
 * @example
 * ```ts
 * wechatPathFor('v3-h5'); // '/v3/pay/transactions/h5'
 * ```
 */
export function wechatPathFor(api: ProxyApi): string {
  checkApi(api);
  return WECHAT_PATHS[api];
}

/**
 * The full URL of WeChat Pay's own endpoint behind a proxied one.
 *
 * @param api - the proxied endpoint
 * @throws TypeError when `api` is not a {@link ProxyApi}
 * @example
 * ```ts
 * wechatUrlFor('v2-unifiedorder'); // 'https://api.mch.weixin.qq.com/pay/unifiedorder'
 * ```
 */
export function wechatUrlFor(api: ProxyApi): string {
  return `${WECHAT_PAY_BASE}${wechatPathFor(api)}`;
}

/**
 * The path of QQ's proxied endpoint: WeChat Pay's path under `/wxpay`, with the V2 unified
 * order at `/wxpay/unifiedorder`.
 *
 * @param api - the proxied endpoint
 * @throws TypeError when `api` is not a {@link ProxyApi}
 * @example
 * ```ts
 * proxyPathFor('v3-combine-h5'); // '/wxpay/v3/combine-transactions/h5'
 * ```
 */
export function proxyPathFor(api: ProxyApi): string {
  checkApi(api);
  return api === 'v2-unifiedorder' ? '/wxpay/unifiedorder' : `/wxpay${WECHAT_PATHS[api]}`;
}

/**
 * The proxied endpoint whose QQ path is `path`, if any.
 *
 * @param path - a URL path such as `/wxpay/v3/pay/transactions/h5`
 * @example
 * ```ts
 * apiForProxyPath('/wxpay/unifiedorder'); // 'v2-unifiedorder'
 * ```
 */
export function apiForProxyPath(path: string): ProxyApi | undefined {
  return PROXY_APIS.find((api) => proxyPathFor(api) === path);
}
