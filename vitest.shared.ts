import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const root = dirname(fileURLToPath(import.meta.url));

/** Options a package passes to {@link packageConfig}. */
export interface PackageTestOptions {
  /** The package folder (`import.meta.dirname` of its `vitest.config.ts`). */
  dir: string;
  /** Fail any test that writes to the console (library packages). Default true. */
  silent?: boolean;
  /** Per-test timeout in milliseconds. */
  testTimeout?: number;
}

/**
 * The vitest configuration every package shares: live TypeScript through the source
 * condition, a fast-check seed chosen once per run and printed, the console guard for
 * libraries, and in CI a JSON report per package that `.ci/run` sums up.
 */
export function packageConfig(options: PackageTestOptions): ViteUserConfig {
  const name = basename(options.dir);
  const reporters: NonNullable<NonNullable<ViteUserConfig['test']>['reporters']> = ['default'];
  const outputFile: Record<string, string> = {};
  if (process.env.CI) {
    const dir = join(root, '.vitest-results');
    mkdirSync(dir, { recursive: true });
    reporters.push('json');
    outputFile.json = join(dir, `${name}.json`);
  }
  const setupFiles = [join(root, 'scripts/vitest/fast-check-setup.ts')];
  if (options.silent !== false) setupFiles.push(join(root, 'scripts/vitest/silent-setup.ts'));
  return defineConfig({
    resolve: { conditions: ['@qqwxpay/source'] },
    ssr: { resolve: { conditions: ['@qqwxpay/source'] } },
    test: {
      root: options.dir,
      include: ['test/**/*.test.ts'],
      globalSetup: [join(root, 'scripts/vitest/global-setup.ts')],
      setupFiles,
      reporters,
      outputFile,
      testTimeout: options.testTimeout ?? 20_000,
      hookTimeout: 60_000,
    },
  });
}
