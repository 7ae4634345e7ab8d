import { runAgainstSandbox } from '@qqwxpay/examples-shared';
import { startShop } from './server.ts';

await runAgainstSandbox(startShop);
