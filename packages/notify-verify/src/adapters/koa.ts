import { NotifyError } from '../errors.ts';
import {
  createNotificationHandler,
  type IncomingNotification,
  type NotificationHandlerOptions,
} from '../handle-notification.ts';
import { type NodeRequestLike, readNodeRequest } from './node-http.ts';

/** The parts of a Koa context the middleware uses. */
export interface KoaContextLike {
  req: NodeRequestLike;
  /** Koa's request; `body` and `rawBody` are read when a body parser set them. */
  request: object;
  status: number;
  body: unknown;
  set(field: string, value: string): void;
}

/**
 * A Koa middleware that answers WeChat Pay callbacks. It reads the raw body from the request
 * stream itself (Koa has no body parser of its own); behind `koa-bodyparser` it takes the
 * parser's `rawBody`, and refuses with `ERR_NOTIFY_BODY_UNAVAILABLE` when only a parsed body
 * is left.
 *
 * @param options - see {@link createNotificationHandler}
 * @returns `(ctx) => Promise<void>`; it ends the request and does not call `next`
 * @throws TypeError/RangeError for malformed options
 * @example
 * ```ts
 * router.post('/wxpay/notify', koaNotify({ version: 'v3', apiV3Key, verifiers, onEvent }));
 * ```
 */
export function koaNotify(
  options: NotificationHandlerOptions,
): (ctx: KoaContextLike) => Promise<void> {
  const handle = createNotificationHandler(options);
  return async (ctx) => {
    const answer = await handle(readKoaRequest(ctx, options.maxBytes));
    for (const [name, value] of Object.entries(answer.headers)) ctx.set(name, value);
    ctx.body = answer.body === '' ? null : answer.body;
    ctx.status = answer.status;
  };
}

async function readKoaRequest(
  ctx: KoaContextLike,
  maxBytes: number | undefined,
): Promise<IncomingNotification> {
  const { rawBody, body } = ctx.request as { rawBody?: unknown; body?: unknown };
  if (typeof rawBody === 'string' || rawBody instanceof Uint8Array) {
    return { body: rawBody, headers: ctx.req.headers };
  }
  if (body !== undefined) {
    throw new NotifyError(
      'ERR_NOTIFY_BODY_UNAVAILABLE',
      'a body parser consumed the raw body without keeping rawBody',
    );
  }
  return readNodeRequest(ctx.req, maxBytes);
}
