import { shopEnv } from '@qqwxpay/examples-shared';
import { type ExampleWorld, expectPaidOnce, openWorld } from '@qqwxpay/examples-shared/testing';
import { afterAll, beforeAll, test } from 'vitest';
import { serve } from '../src/serve.ts';

let world: ExampleWorld;
beforeAll(async () => {
  // The route handlers read their keys from the environment, as a Next.js app does.
  const start = (config: Parameters<typeof shopEnv>[0], port?: number) => {
    Object.assign(process.env, shopEnv(config));
    return serve(port);
  };
  world = await openWorld(start, { prefix: '/api' });
});
afterAll(() => world?.close());

test('a V3 order through QQ is paid and its callback handled once', async () => {
  expectPaidOnce(await world.purchase('v3', 888), 888);
});
