import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { VerifierStore } from '@qqwxpay/codec-v3';
import {
  createNotificationHandler,
  Deduper,
  MemoryLeaseStore,
  type NotificationEvent,
  type NotificationHandler,
  readNodeRequest,
  writeNodeResponse,
} from '@qqwxpay/notify-verify';

/** A merchant's callback keys, as the merchant keeps them. */
export interface MerchantKeys {
  mchid: string;
  /** The V2 API key. */
  apiKey: string;
  /** The APIv3 key. */
  apiV3Key: string;
}

/** One callback the merchant server answered. */
export interface CallbackRecord {
  path: string;
  status: number;
  /** The verified event, when the callback verified and was processed (not a duplicate). */
  event: NotificationEvent | undefined;
  /** The code of the refusal, when it was refused. */
  refusal: string | undefined;
}

/** The demo's merchant: callback endpoints per merchant id, V2 and V3, deduplicated. */
export interface MerchantServer {
  url: string;
  /** Every callback answered, in order. */
  callbacks: CallbackRecord[];
  /** Resolves with the first callback answered after `from` that satisfies `test`. */
  waitFor(
    test: (record: CallbackRecord) => boolean,
    from?: number,
    timeoutMs?: number,
  ): Promise<CallbackRecord>;
  close(): Promise<void>;
}

const ROUTE = /^\/notify\/(v2|v3)\/(\d{8,12})$/;

/**
 * Starts the merchant's callback server on 127.0.0.1: `POST /notify/v2/{mchid}` and
 * `/notify/v3/{mchid}`, each verifying with that merchant's keys through notify-verify and
 * processing each event once (one deduper for all).
 */
export async function startMerchantServer(
  merchants: readonly MerchantKeys[],
  verifiers: VerifierStore,
): Promise<MerchantServer> {
  const dedupe = new Deduper(new MemoryLeaseStore());
  const callbacks: CallbackRecord[] = [];
  const waiters = new Set<() => void>();
  const handlers = new Map<
    string,
    { handler: NotificationHandler; processed: NotificationEvent[]; refusals: string[] }
  >();

  for (const merchant of merchants) {
    for (const version of ['v2', 'v3'] as const) {
      const processed: NotificationEvent[] = [];
      const refusals: string[] = [];
      const common = {
        dedupe,
        onEvent: (event: NotificationEvent) => {
          processed.push(event);
        },
        onRefuse: (error: unknown) => {
          const code = (error as { code?: unknown })?.code;
          refusals.push(typeof code === 'string' ? code : 'ERR_UNKNOWN');
        },
      };
      const handler =
        version === 'v2'
          ? createNotificationHandler({ version, key: merchant.apiKey, ...common })
          : createNotificationHandler({
              version,
              apiV3Key: merchant.apiV3Key,
              verifiers,
              ...common,
            });
      handlers.set(`/notify/${version}/${merchant.mchid}`, { handler, processed, refusals });
    }
  }

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const route = ROUTE.test(path) ? handlers.get(path) : undefined;
    if (route === undefined || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    const processedBefore = route.processed.length;
    const refusalsBefore = route.refusals.length;
    const response = await route.handler(readNodeRequest(req, undefined));
    writeNodeResponse(res, response);
    callbacks.push({
      path,
      status: response.status,
      event: route.processed.length > processedBefore ? route.processed.at(-1) : undefined,
      refusal: route.refusals.length > refusalsBefore ? route.refusals.at(-1) : undefined,
    });
    for (const wake of waiters) wake();
  };
  const server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    callbacks,
    waitFor: (test, from = 0, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = callbacks.slice(from).find(test);
          if (found === undefined) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such callback within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
