import { join } from 'node:path';
import { packageConfig } from '../../vitest.shared.ts';

const config = packageConfig({ dir: import.meta.dirname, silent: true });
const test = config.test ?? {};
const globalSetup = [test.globalSetup ?? []].flat();

// One generated configuration for the whole run: RSA key generation is the slow part.
export default {
  ...config,
  test: {
    ...test,
    globalSetup: [...globalSetup, join(import.meta.dirname, 'test/helpers/global-config.ts')],
  },
};
