export { type RunningShop, runAgainstSandbox, type StartShop } from './run-against-sandbox.ts';
export { type ShopConfig, shopConfigFromSandbox, shopEnv } from './shop-config.ts';
