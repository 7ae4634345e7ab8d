import type { Fixtures } from '../fixtures.ts';
import type { Runners } from '../model.ts';

/** The qqwxpay packages doing each operation through their public API. */
export function oursRunners(_f: Fixtures): Runners {
  return {};
}
