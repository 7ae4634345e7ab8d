import {
  createNotificationHandler,
  type IncomingNotification,
  type NotificationHandlerOptions,
} from '../handle-notification.ts';
import { readFetchBody } from '../read-raw-body.ts';

/**
 * A fetch-style handler (`Request` in, `Response` out) for WeChat Pay callbacks: Next.js route
 * handlers, Hono (`c.req.raw`), Bun and Deno servers.
 *
 * @param options - see {@link createNotificationHandler}
 * @returns `(request) => Promise<Response>`
 * @throws TypeError/RangeError for malformed options
 * @example
 * ```ts
 * // app/wxpay/notify/route.ts
 * export const POST = fetchNotify({ version: 'v3', apiV3Key, verifiers, onEvent });
 * ```
 */
export function fetchNotify(
  options: NotificationHandlerOptions,
): (request: Request) => Promise<Response> {
  const handle = createNotificationHandler(options);
  return async (request) => {
    const answer = await handle(readFetchRequest(request, options.maxBytes));
    const body = answer.status === 204 ? null : answer.body;
    return new Response(body, { status: answer.status, headers: answer.headers });
  };
}

async function readFetchRequest(
  request: Request,
  maxBytes: number | undefined,
): Promise<IncomingNotification> {
  const body = await readFetchBody(request, maxBytes === undefined ? {} : { maxBytes });
  return { body, headers: request.headers };
}
