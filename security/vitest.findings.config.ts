import { packageConfig } from '../vitest.shared.ts';

const config = packageConfig({ dir: import.meta.dirname, silent: true, testTimeout: 60_000 });
if (config.test) {
  config.test.include = ['findings/**/*.test.ts'];
  config.test.passWithNoTests = true;
}

export default config;
