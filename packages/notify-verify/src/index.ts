export {
  type AcknowledgeOptions,
  acknowledge,
  type NotifyResponse,
  type NotifyVersion,
  refuse,
} from './acknowledge.ts';
export { type ExpressRequestLike, expressNotify } from './adapters/express.ts';
export {
  type FastifyInstanceLike,
  type FastifyNotifyOptions,
  type FastifyReplyLike,
  type FastifyRequestLike,
  fastifyNotify,
} from './adapters/fastify.ts';
export { fetchNotify } from './adapters/fetch.ts';
export { type KoaContextLike, koaNotify } from './adapters/koa.ts';
export {
  type NodeRequestLike,
  type NodeResponseLike,
  nodeHttpNotify,
  readNodeRequest,
  writeNodeResponse,
} from './adapters/node-http.ts';
export { type DedupeOutcome, Deduper, type DeduperOptions } from './deduper.ts';
export {
  NOTIFY_ERROR_CODES,
  NotifyError,
  type NotifyErrorCode,
  type NotifyErrorDetails,
} from './errors.ts';
export { eventKey, type NotificationEvent } from './event-key.ts';
export {
  checkExpectations,
  type ExpectationSubject,
  type NotificationExpectations,
} from './expectations.ts';
export {
  createNotificationHandler,
  type ExpectationSource,
  type IncomingNotification,
  type NotificationHandler,
  type NotificationHandlerOptions,
  type V2HandlerOptions,
  type V3HandlerOptions,
} from './handle-notification.ts';
export { type HeadersIterable, type HeadersLike, normalizeHeaders } from './headers.ts';
export {
  type OpenedV3Notification,
  openV3Notification,
  type RawNotification,
  type V3VerifyOptions,
} from './open-v3-notification.ts';
export {
  checkMaxBytes,
  DEFAULT_MAX_BYTES,
  type ReadBodyOptions,
  readFetchBody,
  readRawBody,
} from './read-raw-body.ts';
export type { LeaseStore } from './stores/lease-store.ts';
export { MemoryLeaseStore, type MemoryLeaseStoreOptions } from './stores/memory-lease-store.ts';
export { type RedisClientLike, RedisStore, type RedisStoreOptions } from './stores/redis-store.ts';
export {
  openV2Notification,
  type RawV2Notification,
  type V2NotificationEvent,
  type V2NotificationOptions,
  v2Subject,
  verifyV2Notification,
} from './verify-v2-notification.ts';
export {
  type V3CombineTransaction,
  type V3NotificationEvent,
  type V3NotificationOptions,
  type V3Refund,
  type V3RefundEventType,
  type V3Transaction,
  v3Subject,
  verifyV3Notification,
} from './verify-v3-notification.ts';
