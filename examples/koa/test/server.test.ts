import { type ExampleWorld, expectPaidOnce, openWorld } from '@qqwxpay/examples-shared/testing';
import { afterAll, beforeAll, test } from 'vitest';
import { startShop } from '../src/server.ts';

let world: ExampleWorld;
beforeAll(async () => {
  world = await openWorld(startShop);
});
afterAll(() => world?.close());

test('a V3 order through QQ is paid and its callback handled once', async () => {
  expectPaidOnce(await world.purchase('v3', 888), 888);
});
