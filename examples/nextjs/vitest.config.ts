import { packageConfig } from '../../vitest.shared.ts';

export default packageConfig({ dir: import.meta.dirname, silent: false });
