import { NotifyError } from '../errors.ts';
import {
  createNotificationHandler,
  type IncomingNotification,
  type NotificationHandlerOptions,
} from '../handle-notification.ts';
import {
  type NodeRequestLike,
  type NodeResponseLike,
  readNodeRequest,
  writeNodeResponse,
} from './node-http.ts';

/** The parts of an Express request the adapter reads. */
export interface ExpressRequestLike extends NodeRequestLike {
  /** Set by a body parser; a Buffer from `express.raw()`, a string from `express.text()`. */
  body?: unknown;
}

/**
 * An Express route handler for WeChat Pay callbacks. It needs the raw bytes: mount it with
 * `express.raw({ type: () => true })` or with no body parser at all (it then reads the stream
 * itself); behind `express.json()` or `express.urlencoded()` it refuses every callback with
 * `ERR_NOTIFY_BODY_UNAVAILABLE`, because a parsed body cannot be verified.
 *
 * @param options - see {@link createNotificationHandler}
 * @returns `(req, res) => Promise<void>`
 * @throws TypeError/RangeError for malformed options
 * @example
 * ```ts
 * app.post('/wxpay/notify', express.raw({ type: () => true }), expressNotify({ version: 'v3', apiV3Key, verifiers, onEvent }));
 * ```
 */
export function expressNotify(
  options: NotificationHandlerOptions,
): (req: ExpressRequestLike, res: NodeResponseLike) => Promise<void> {
  const handle = createNotificationHandler(options);
  return async (req, res) => {
    const response = await handle(readExpressRequest(req, options.maxBytes));
    writeNodeResponse(res, response);
  };
}

async function readExpressRequest(
  req: ExpressRequestLike,
  maxBytes: number | undefined,
): Promise<IncomingNotification> {
  const body = req.body;
  if (body instanceof Uint8Array || typeof body === 'string') {
    return { body, headers: req.headers };
  }
  const parsed = (req as { _body?: unknown })._body === true;
  if (parsed || (body !== undefined && body !== null && Object.keys(body).length > 0)) {
    throw new NotifyError(
      'ERR_NOTIFY_BODY_UNAVAILABLE',
      'a body parser consumed the raw body; mount express.raw() on this route',
    );
  }
  return readNodeRequest(req, maxBytes);
}
