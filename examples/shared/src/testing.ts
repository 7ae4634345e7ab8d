export { expectPaidOnce } from './expect-purchase.ts';
export { type ExampleWorld, openWorld, type Purchase, type ShopOrder } from './purchase.ts';
