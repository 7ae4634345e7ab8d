#!/usr/bin/env bash
# Writes the shared package files (package.json stub, tsconfig, tsup and vitest configs).
set -euo pipefail
name=$1; desc=$2; silent=${3:-true}
dir=packages/$name
mkdir -p "$dir/src" "$dir/test"
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "include": ["src", "test", "*.config.ts"]
}
JSON
cat > "$dir/tsup.config.ts" <<'TS'
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
});
TS
cat > "$dir/vitest.config.ts" <<TS
import { packageConfig } from '../../vitest.shared.ts';

export default packageConfig({ dir: import.meta.dirname, silent: $silent });
TS
cat > "$dir/package.json" <<JSON
{
  "name": "@qqwxpay/$name",
  "version": "0.1.0",
  "description": "$desc",
  "license": "MIT",
  "type": "module",
  "sideEffects": false,
  "engines": { "node": ">=20" },
  "exports": {
    ".": {
      "@qqwxpay/source": "./src/index.ts",
      "import": { "types": "./dist/index.d.ts", "default": "./dist/index.js" },
      "require": { "types": "./dist/index.d.cts", "default": "./dist/index.cjs" }
    },
    "./package.json": "./package.json"
  },
  "main": "./dist/index.cjs",
  "module": "./dist/index.js",
  "types": "./dist/index.d.cts",
  "files": ["dist", "src"],
  "scripts": {
    "build": "tsup",
    "typecheck": "tsc -p tsconfig.json",
    "test": "vitest run"
  }
}
JSON
