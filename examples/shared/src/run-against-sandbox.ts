import { loadConfig } from '@qqwxpay/sandbox';
import { type ShopConfig, shopConfigFromSandbox } from './shop-config.ts';

/** A running example shop. */
export interface RunningShop {
  /** Its address, `http://127.0.0.1:PORT`. */
  url: string;
  close(): Promise<void>;
}

/** How an example starts its shop on 127.0.0.1 (port 0: any free port). */
export type StartShop = (config: ShopConfig, port?: number) => Promise<RunningShop>;

/**
 * The examples' `pnpm start`: reads the keys `qqwxpay sandbox --write-config` wrote
 * (`SANDBOX_CONFIG`, `sandbox.json` by default), takes QQ's side from `QQ_BASE_URL`, starts the
 * shop on `PORT` (3000 by default) and runs until interrupted.
 *
 * @param start - the example's start function
 * @param options - `prefix` of the shop's routes (`/api` for the Next.js example)
 * @throws Error when `QQ_BASE_URL` is not set
 */
export async function runAgainstSandbox(
  start: StartShop,
  options: { prefix?: string } = {},
): Promise<void> {
  const qqBaseUrl = process.env.QQ_BASE_URL;
  if (qqBaseUrl === undefined || qqBaseUrl === '') {
    throw new Error('QQ_BASE_URL: set it to the "QQ backend" address qqwxpay sandbox printed');
  }
  const file = process.env.SANDBOX_CONFIG ?? 'sandbox.json';
  const config = shopConfigFromSandbox(await loadConfig(file), qqBaseUrl);
  const shop = await start(config, Number(process.env.PORT ?? 3000));
  console.log(`shop on ${shop.url} (merchant ${config.mchid}, QQ app ${config.qqAppId})`);
  const orders = `${shop.url}${options.prefix ?? ''}/orders`;
  console.log(`  POST ${orders} {"total":888,"version":"v3"}, then GET ${orders}/{outTradeNo}`);
  process.once('SIGINT', () => void shop.close());
}
