import { runAgainstSandbox, shopEnv } from '@qqwxpay/examples-shared';
import { serve } from './serve.ts';

await runAgainstSandbox(
  (config, port) => {
    Object.assign(process.env, shopEnv(config));
    return serve(port);
  },
  { prefix: '/api' },
);
