import { QQ_PROXY_BASE } from '@qqwxpay/proxy-url';
import { type Delivery, type Sandbox, startSandbox } from '@qqwxpay/sandbox';
import type { RunningShop, StartShop } from './run-against-sandbox.ts';
import { shopConfigFromSandbox } from './shop-config.ts';

/** An order as the example shop reports it at `GET /orders/{outTradeNo}`. */
export interface ShopOrder {
  outTradeNo: string;
  total: number;
  paid: boolean;
  /** How many verified callbacks the shop's handler processed for the order. */
  handled: number;
  transactionId?: string;
}

/** What one purchase through the sandbox showed, step by step. */
export interface Purchase {
  outTradeNo: string;
  /** The `h5_url` (V3) or `mweb_url` (V2) the shop answered. */
  h5Url: string;
  /** The order as WeChat Pay's side holds it before payment. */
  placed: { state: string; total: number; notifyUrl: string; proxiedByQq: boolean };
  /** The payment callback's delivery, through QQ's notify endpoint to the shop. */
  payment: Delivery;
  /** The transaction id WeChat Pay's side gave the paid order. */
  transactionId: string | undefined;
  afterPayment: ShopOrder;
  /** The same callback sent once more, as WeChat Pay's retries do. */
  redelivery: Delivery;
  afterRedelivery: ShopOrder;
  /** A `WECHATPAY/SIGNTEST/` probe (V3 orders only). */
  probe: Delivery | undefined;
  afterProbe: ShopOrder | undefined;
}

/** The sandbox and an example shop wired to it, on loopback. */
export interface ExampleWorld {
  sandbox: Sandbox;
  shop: RunningShop;
  /** Orders through the shop, pays on the sandbox, and reads what the shop recorded. */
  purchase(version: 'v2' | 'v3', total: number): Promise<Purchase>;
  close(): Promise<void>;
}

/**
 * Starts the sandbox and the example's shop (configured with the sandbox's keys) on 127.0.0.1.
 *
 * @param start - the example's start function
 * @param options - `prefix` of the shop's routes (`/api` for the Next.js example)
 * @returns the world; close it after the tests
 */
export async function openWorld(
  start: StartShop,
  options: { prefix?: string } = {},
): Promise<ExampleWorld> {
  const sandbox = await startSandbox({ timeScale: 0.001 });
  const config = shopConfigFromSandbox(sandbox.config, sandbox.qqBaseUrl);
  let shop: RunningShop;
  try {
    shop = await start(config, 0);
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const base = `${shop.url}${options.prefix ?? ''}/orders`;
  const read = async (outTradeNo: string): Promise<ShopOrder> => {
    const response = await fetch(`${base}/${outTradeNo}`);
    if (response.status !== 200) throw new Error(`GET order answered HTTP ${response.status}`);
    return (await response.json()) as ShopOrder;
  };

  const purchase = async (version: 'v2' | 'v3', total: number): Promise<Purchase> => {
    const created = await fetch(base, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ total, version }),
    });
    const text = await created.text();
    if (created.status !== 201)
      throw new Error(`POST order answered HTTP ${created.status}: ${text}`);
    const { outTradeNo, h5Url } = JSON.parse(text) as { outTradeNo: string; h5Url: string };
    const ref = { mchid: config.mchid, outTradeNo };
    const order = sandbox.order(ref);
    if (order === undefined) throw new Error(`WeChat Pay's side has no order ${outTradeNo}`);
    const placed = {
      state: order.state,
      total: order.total,
      notifyUrl: order.notifyUrl,
      proxiedByQq: order.notifyUrl.startsWith(`${QQ_PROXY_BASE}/`),
    };

    const payment = await sandbox.pay(ref).settled;
    const afterPayment = await read(outTradeNo);
    const redelivery = await sandbox.redeliver(ref).settled;
    const afterRedelivery = await read(outTradeNo);
    const probe = version === 'v3' ? await sandbox.probe(ref).settled : undefined;
    const afterProbe = version === 'v3' ? await read(outTradeNo) : undefined;
    return {
      outTradeNo,
      h5Url,
      placed,
      payment,
      transactionId: sandbox.order(ref)?.transactionId,
      afterPayment,
      redelivery,
      afterRedelivery,
      probe,
      afterProbe,
    };
  };

  return {
    sandbox,
    shop,
    purchase,
    close: async () => {
      await shop.close();
      await sandbox.close();
    },
  };
}
