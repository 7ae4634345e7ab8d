import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One callback the test endpoint received. */
export interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** How the endpoint answers the n-th callback (0-based). */
export type Answerer = (received: Received, index: number) => { status: number; body?: string };

/** A loopback HTTP endpoint standing for the merchant's callback handler. */
export interface MerchantEndpoint {
  url: string;
  received: Received[];
  /** Resolves once `count` callbacks arrived. */
  waitFor(count: number): Promise<Received[]>;
  close(): Promise<void>;
}

const V2_SUCCESS =
  '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>';

/** Acknowledges every callback: V2 XML SUCCESS for XML bodies, 204 for JSON ones. */
export const acknowledgeAll: Answerer = (received) =>
  received.body.startsWith('<') ? { status: 200, body: V2_SUCCESS } : { status: 204 };

/** Starts the endpoint on 127.0.0.1 with the given answering rule. */
export async function startMerchantEndpoint(
  answer: Answerer = acknowledgeAll,
): Promise<MerchantEndpoint> {
  const received: Received[] = [];
  const waiters: { count: number; resolve: (r: Received[]) => void }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const entry = {
      path: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks).toString(),
    };
    const index = received.length;
    received.push(entry);
    const reply = answer(entry, index);
    res.writeHead(reply.status);
    res.end(reply.body ?? '');
    for (const waiter of waiters.filter((w) => received.length >= w.count)) {
      waiter.resolve(received.slice());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    waitFor: (count) =>
      received.length >= count
        ? Promise.resolve(received.slice())
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
