export { buildProxyUrl, checkQqAppId, type ProxyUrlParts } from './build-proxy-url.ts';
export {
  QQ_PROXY_ERROR_CODES,
  QqProxyError,
  type QqProxyErrorCode,
  type QqProxyErrorDetails,
} from './errors.ts';
export {
  getTokenRequest,
  parseGetTokenResponse,
  type QqAccessToken,
  type QqAppCredentials,
} from './get-token.ts';
export type { HeadersLike, HttpRequest, HttpResponse } from './http.ts';
export { checkTtl, type KeyValueStore } from './key-value-store.ts';
export { MemoryStore, type MemoryStoreOptions } from './memory-store.ts';
export {
  notifyUrlV2,
  notifyUrlV3,
  type ParsedNotifyUrl,
  parseNotifyUrl,
  QQ_NOTIFY_URL_V2,
} from './notify-url.ts';
export {
  assertNotifyUrl,
  assertRealNotifyUrl,
  isQqHostUrl,
  isValidNotifyUrl,
  MAX_NOTIFY_URL_LENGTH,
} from './notify-url-rule.ts';
export { parseProxyUrl } from './parse-proxy-url.ts';
export {
  type ParseV2ProxyResponseOptions,
  parseV2ProxyResponse,
  type V2ProxyResult,
} from './parse-v2-proxy-response.ts';
export { parseV3ProxyResponse, type V3ProxyResult } from './parse-v3-proxy-response.ts';
export { type PreflightOptions, preflight } from './preflight.ts';
export {
  type PrepareV2OrderOptions,
  type ProxiedUnifiedOrderParams,
  prepareV2Order,
} from './prepare-v2-order.ts';
export {
  type MerchantKey,
  type PrepareV3OrderOptions,
  type ProxyApiV3,
  prepareV3Order,
} from './prepare-v3-order.ts';
export {
  apiForProxyPath,
  isProxyApi,
  PROXY_APIS,
  type ProxyApi,
  proxyPathFor,
  QQ_PROXY_BASE,
  WECHAT_PAY_BASE,
  wechatPathFor,
  wechatUrlFor,
} from './proxy-api.ts';
export {
  assertNoQqError,
  QQ_ERRORS,
  type QqEnvelope,
  type QqErrorInfo,
  qqProxyErrorFrom,
  readQqEnvelope,
} from './qq-error.ts';
export { type FetchLike, TokenCache, type TokenCacheOptions } from './token-cache.ts';
