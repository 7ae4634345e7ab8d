import { acknowledge, type NotifyResponse, refuse } from './acknowledge.ts';
import type { Deduper } from './deduper.ts';
import { NotifyError } from './errors.ts';
import { eventKey } from './event-key.ts';
import { checkExpectations, type NotificationExpectations } from './expectations.ts';
import type { HeadersLike } from './headers.ts';
import {
  type V2NotificationEvent,
  type V2NotificationOptions,
  v2Subject,
  verifyV2Notification,
} from './verify-v2-notification.ts';
import {
  type V3NotificationEvent,
  type V3NotificationOptions,
  v3Subject,
  verifyV3Notification,
} from './verify-v3-notification.ts';

/** A callback as an adapter hands it over: raw body and headers. */
export interface IncomingNotification {
  /** The raw body, exactly as received. */
  body: string | Uint8Array;
  /** The request headers. */
  headers: HeadersLike;
}

/** Expectations, fixed or looked up from the verified event (for example the order's amount). */
export type ExpectationSource<E> =
  | NotificationExpectations
  | ((
      event: E,
    ) => NotificationExpectations | undefined | Promise<NotificationExpectations | undefined>);

interface HandlerCommon<E> {
  /**
   * The merchant's work for a verified event. Resolve to acknowledge; throw (or resolve to
   * `false`) to refuse so WeChat Pay sends the event again.
   */
  onEvent(event: E): unknown;
  /** Runs `onEvent` once per event across retries (and processes, with a shared store). */
  dedupe?: Deduper;
  /** What the event must be about, checked before `onEvent`. */
  expect?: ExpectationSource<E>;
  /** Answer (with a refusal) if handling takes longer than this; 4,500 ms by default. */
  deadlineMs?: number;
  /** Told of every refusal, for logging; its own failures are ignored. */
  onRefuse?: (error: unknown) => void;
  /** The V3 success status: 204 (default) or 200. */
  v3Status?: 200 | 204;
}

/** Options of a V3 notification handler. */
export type V3HandlerOptions = { version: 'v3' } & Omit<V3NotificationOptions, 'expect'> &
  HandlerCommon<V3NotificationEvent>;
/** Options of a V2 notification handler. */
export type V2HandlerOptions = { version: 'v2' } & Omit<V2NotificationOptions, 'expect'> &
  HandlerCommon<V2NotificationEvent>;
/** Options of {@link createNotificationHandler} and every adapter. */
export type NotificationHandlerOptions = V3HandlerOptions | V2HandlerOptions;

/** Answers one callback; the adapters wrap it. Never rejects. */
export type NotificationHandler = (
  request: IncomingNotification | Promise<IncomingNotification>,
) => Promise<NotifyResponse>;

/**
 * Builds the framework-free handler every adapter uses: verify the callback, check the
 * expectations, run the merchant's `onEvent` (once per event with `dedupe`), and produce the
 * answer. Any refusal answers failure so WeChat Pay retries; the answer comes within
 * `deadlineMs` even when `onEvent` is still running (its outcome is then recorded by `dedupe`).
 *
 * @param options - `version`, the keys and verifiers, `onEvent`, and optional `dedupe`,
 *   `expect`, `deadlineMs`, `onRefuse`, `maxBytes`
 * @returns a function from the raw request (or a promise of it) to the response
 * @throws TypeError/RangeError for malformed options
 * @example
 * ```ts
 * const handle = createNotificationHandler({
 *   version: 'v3', apiV3Key, verifiers, dedupe,
 *   onEvent: async (event) => { if (event.kind === 'transaction') await markPaid(event.resource); },
 * });
 * const { status, headers, body } = await handle({ body: rawBody, headers: req.headers });
 * ```
 */
export function createNotificationHandler(
  options: NotificationHandlerOptions,
): NotificationHandler {
  const version: unknown = options?.version;
  if (version !== 'v2' && version !== 'v3') {
    throw new TypeError(`version: expected v2 or v3, got ${String(version)}`);
  }
  if (typeof options.onEvent !== 'function') {
    throw new TypeError('onEvent: expected a function');
  }
  const deadlineMs = options.deadlineMs ?? 4_500;
  if (!Number.isSafeInteger(deadlineMs) || deadlineMs <= 0) {
    throw new RangeError(`deadlineMs: expected a positive integer, got ${String(deadlineMs)}`);
  }
  const success = acknowledge(
    options.version,
    options.v3Status ? { v3Status: options.v3Status } : {},
  );
  const report = (error: unknown): NotifyResponse => {
    try {
      options.onRefuse?.(error);
    } catch {
      // a failing logger must not change the answer
    }
    return refuse(options.version, error);
  };

  const process = async (request: IncomingNotification | Promise<IncomingNotification>) => {
    try {
      const event = await verifyAndCheck(options, await request);
      const run = () => runHandler(options, event);
      if (!options.dedupe) {
        await run();
        return success;
      }
      const outcome = await options.dedupe.run(eventKey(event), run);
      if (outcome.status === 'in-progress') {
        throw new NotifyError('ERR_NOTIFY_IN_PROGRESS', 'the event is being handled elsewhere');
      }
      return success;
    } catch (error) {
      return report(error);
    }
  };

  return async (request) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<NotifyResponse>((resolve) => {
      timer = setTimeout(() => {
        resolve(report(new NotifyError('ERR_NOTIFY_TIMEOUT', `no answer within ${deadlineMs} ms`)));
      }, deadlineMs);
    });
    try {
      return await Promise.race([process(request), late]);
    } finally {
      clearTimeout(timer);
    }
  };
}

async function verifyAndCheck(
  options: NotificationHandlerOptions,
  request: IncomingNotification,
): Promise<V2NotificationEvent | V3NotificationEvent> {
  if (options.version === 'v3') {
    const { version: _, onEvent: __, dedupe: ___, expect, ...verify } = options;
    const event = verifyV3Notification(request, verify);
    const wanted = typeof expect === 'function' ? await expect(event) : expect;
    checkExpectations(v3Subject(event), wanted, event.eventType);
    return event;
  }
  const { version: _, onEvent: __, dedupe: ___, expect, ...verify } = options;
  const event = verifyV2Notification({ body: request.body }, verify);
  const wanted = typeof expect === 'function' ? await expect(event) : expect;
  checkExpectations(v2Subject(event), wanted, event.kind);
  return event;
}

async function runHandler(
  options: NotificationHandlerOptions,
  event: V2NotificationEvent | V3NotificationEvent,
): Promise<void> {
  let result: unknown;
  try {
    result = await (options.onEvent as (event: unknown) => unknown)(event);
  } catch (cause) {
    throw new NotifyError('ERR_NOTIFY_HANDLER_FAILED', 'the event handler failed', { cause });
  }
  if (result === false) {
    throw new NotifyError('ERR_NOTIFY_HANDLER_FAILED', 'the event handler declined the event');
  }
}
