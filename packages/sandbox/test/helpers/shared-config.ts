import { generateConfig, type SandboxConfig } from '../../src/index.ts';

let config: Promise<SandboxConfig> | undefined;

/** One generated configuration per test file: RSA key generation is the slow part. */
export function sharedConfig(): Promise<SandboxConfig> {
  config ??= generateConfig();
  return config;
}
