export {
  type CallbackSenderOptions,
  type Delivery,
  type DeliveryAttempt,
  type Notification,
  RETRY_SCHEDULE_SECONDS,
} from './callbacks/sender.ts';
export { SIGNTEST_PREFIX } from './callbacks/signtest-probe.ts';
export {
  loadConfig,
  type MerchantConfig,
  parseConfig,
  type QqAppConfig,
  type SandboxConfig,
  type SandboxConfigInput,
} from './config.ts';
export {
  SANDBOX_ERROR_CODES,
  SandboxError,
  type SandboxErrorCode,
  type SandboxErrorOptions,
} from './errors.ts';
export type { SandboxEvent } from './events.ts';
export { DEFAULT_IDS, generateConfig } from './generate-config.ts';
export { QQ_ERRCODES } from './qq/reply.ts';
export type { OrderRef, Sandbox, SandboxOptions } from './sandbox.ts';
export { startSandbox } from './start-sandbox.ts';
export type {
  OrderApi,
  OrderRecord,
  RefundRecord,
  SubOrder,
  TradeState,
} from './wechat/order-store.ts';
export { PAY_PAGE_PATH } from './wechat/pay-page.ts';
