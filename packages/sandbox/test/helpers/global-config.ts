import type { TestProject } from 'vitest/node';
import { generateConfig } from '../../src/generate-config.ts';

/** Generates the configuration the test files share, once per run. */
export default async function setup(project: TestProject): Promise<void> {
  project.provide('sandboxConfig', JSON.stringify(await generateConfig()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxConfig: string;
  }
}
