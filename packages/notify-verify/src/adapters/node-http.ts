import type { NotifyResponse } from '../acknowledge.ts';
import {
  createNotificationHandler,
  type IncomingNotification,
  type NotificationHandlerOptions,
} from '../handle-notification.ts';
import type { HeadersLike } from '../headers.ts';
import { readRawBody } from '../read-raw-body.ts';

/** The parts of Node's `IncomingMessage` the adapters read. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  headers: HeadersLike & Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** The parts of Node's `ServerResponse` the adapters write. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

/**
 * A `node:http` request listener for WeChat Pay callbacks: reads the raw body within the limit,
 * verifies, runs `onEvent`, and answers.
 *
 * @param options - see {@link createNotificationHandler}
 * @returns `(req, res) => Promise<void>`, for `http.createServer` or a route of your own
 * @throws TypeError/RangeError for malformed options
 * @example
 * ```ts
 * const notify = nodeHttpNotify({ version: 'v3', apiV3Key, verifiers, onEvent });
 * http.createServer((req, res) => (req.url === '/notify' ? notify(req, res) : res.end())).listen(8080);
 * ```
 */
export function nodeHttpNotify(
  options: NotificationHandlerOptions,
): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  const handle = createNotificationHandler(options);
  return async (req, res) => {
    const response = await handle(readNodeRequest(req, options.maxBytes));
    writeNodeResponse(res, response);
  };
}

/**
 * Reads a Node request's raw body and headers for the handler.
 *
 * @param req - the request stream
 * @param maxBytes - the body limit
 * @returns the raw body and headers
 * @throws NotifyError `ERR_NOTIFY_BODY_TOO_LARGE`
 * @example
 * ```ts
 * const response = await handle(readNodeRequest(req, 65_536));
 * ```
 */
export async function readNodeRequest(
  req: NodeRequestLike,
  maxBytes: number | undefined,
): Promise<IncomingNotification> {
  const body = await readRawBody(req, {
    ...(maxBytes === undefined ? {} : { maxBytes }),
    contentLength: req.headers['content-length'] as string | undefined,
  });
  return { body, headers: req.headers };
}

/**
 * Writes a handler's answer to a Node response.
 *
 * @param res - the response
 * @param response - status, headers and body
 * @example
 * ```ts
 * writeNodeResponse(res, acknowledge('v3'));
 * ```
 */
export function writeNodeResponse(res: NodeResponseLike, response: NotifyResponse): void {
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  res.end(response.body);
}
