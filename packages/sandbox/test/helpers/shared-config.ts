import { inject } from 'vitest';
import { parseConfig, type SandboxConfig } from '../../src/index.ts';

/** A copy of the configuration generated once for the run (each file may change its copy). */
export async function sharedConfig(): Promise<SandboxConfig> {
  return parseConfig(JSON.parse(inject('sandboxConfig')));
}
