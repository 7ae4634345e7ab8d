import { packageConfig } from '../vitest.shared.ts';

export default packageConfig({ dir: import.meta.dirname, silent: true, testTimeout: 60_000 });
