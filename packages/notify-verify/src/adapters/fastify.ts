import { refuse } from '../acknowledge.ts';
import { NotifyError } from '../errors.ts';
import {
  createNotificationHandler,
  type NotificationHandlerOptions,
} from '../handle-notification.ts';
import type { HeadersLike } from '../headers.ts';
import { checkMaxBytes } from '../read-raw-body.ts';

/** The parts of a Fastify request the adapter reads. */
export interface FastifyRequestLike {
  headers: HeadersLike;
  body?: unknown;
}

/** The parts of a Fastify reply the adapter writes. */
export interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  headers(values: Record<string, string>): FastifyReplyLike;
  send(body?: string): unknown;
}

type RouteHandler = (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown>;

/** The parts of a Fastify instance the plugin uses. */
export interface FastifyInstanceLike {
  removeAllContentTypeParsers(): void;
  addContentTypeParser(
    contentType: string | string[] | RegExp,
    options: { parseAs: 'buffer'; bodyLimit?: number },
    parser: (
      request: unknown,
      body: Buffer,
      done: (error: Error | null, body?: unknown) => void,
    ) => void,
  ): void;
  setErrorHandler(
    handler: (error: { statusCode?: number }, request: unknown, reply: FastifyReplyLike) => unknown,
  ): unknown;
  post(path: string, handler: RouteHandler): unknown;
}

/** Options of {@link fastifyNotify}: the handler's, plus the route path. */
export type FastifyNotifyOptions = NotificationHandlerOptions & {
  /** The route path inside the plugin's prefix; `/` by default. */
  path?: string;
};

/**
 * A Fastify plugin that serves WeChat Pay callbacks on `POST path`. Inside its own
 * encapsulation context it replaces the content-type parsers with one that keeps every body as
 * a raw Buffer within `maxBytes`, so the rest of the app keeps its JSON parser.
 *
 * @param options - see {@link createNotificationHandler}, plus `path`
 * @returns a plugin for `app.register(plugin, { prefix })`
 * @throws TypeError/RangeError for malformed options
 * @example
 * ```ts
 * await app.register(fastifyNotify({ version: 'v3', apiV3Key, verifiers, onEvent }), { prefix: '/wxpay/notify' });
 * ```
 */
export function fastifyNotify(
  options: FastifyNotifyOptions,
): (instance: FastifyInstanceLike, pluginOptions: unknown) => Promise<void> {
  const { path = '/', ...handlerOptions } = options;
  const handle = createNotificationHandler(handlerOptions as NotificationHandlerOptions);
  const bodyLimit = checkMaxBytes(options.maxBytes);

  return async (instance) => {
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) =>
      done(null, body),
    );
    instance.setErrorHandler((error, _request, reply) => {
      const refusal =
        error.statusCode === 413
          ? new NotifyError('ERR_NOTIFY_BODY_TOO_LARGE', `body is over ${bodyLimit} bytes`, {
              limit: bodyLimit,
            })
          : error;
      const answer = refuse(options.version, refusal);
      return reply.code(answer.status).headers(answer.headers).send(answer.body);
    });
    instance.post(path, async (request, reply) => {
      const body = request.body instanceof Uint8Array ? request.body : new Uint8Array();
      const answer = await handle({ body, headers: request.headers });
      return reply.code(answer.status).headers(answer.headers).send(answer.body);
    });
  };
}
