#!/usr/bin/env node
// Checks every package under packages/ as npm would publish it: builds them, packs each with
// pnpm (so workspace ranges and publishConfig apply), then lints the tarball with publint
// --strict and @arethetypeswrong/cli, and checks the manifest against the project's rules.
// Usage: node scripts/check-packages.mjs [--no-build] [package-folder-name…]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const only = args.filter((a) => !a.startsWith('--'));
const names = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && (only.length === 0 || only.includes(d.name)))
  .map((d) => d.name);

const runtimeDeps = /^(zod|fast-xml-parser|node-forge|@qqwxpay\/[a-z0-9-]+)$/;
const optionalPeers = new Set(['ioredis']);
const shipped = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/.+|bin\/.+)$/;
const sourceCondition = '@qqwxpay/source';
// Built-ins newer than the engines floor (Node 20.0): using one would break users on 20.0–20.x.
const newerThanFloor = [
  [/\bimport\s*\{[^}]*\bhash\b[^}]*\}\s*from\s*["'](node:)?crypto["']/, 'crypto.hash (20.12)'],
  [/\bstyleText\b/, 'util.styleText (20.12)'],
  [/\bgetBuiltinModule\b/, 'process.getBuiltinModule (20.16)'],
  [/\bPromise\.withResolvers\b/, 'Promise.withResolvers (22)'],
  [/\bArray\.fromAsync\b/, 'Array.fromAsync (22)'],
  [/\b(Object|Map)\.groupBy\b/, 'Object/Map.groupBy (21)'],
  [/\bURL\.parse\(/, 'URL.parse (22.1)'],
  [/\bRegExp\.escape\b/, 'RegExp.escape (24)'],
];

const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const license = readFileSync(join(root, 'LICENSE'), 'utf8');
const out = mkdtempSync(join(tmpdir(), 'qqwxpay-check-'));
const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };

if (build) {
  const filters = names.map((n) => `--filter=./packages/${n}`);
  execFileSync(bin('turbo'), ['run', 'build', ...filters], { cwd: root, stdio: 'inherit', env });
}

const results = [];
try {
  for (const name of names) results.push(checkPackage(name));
} finally {
  rmSync(out, { recursive: true, force: true });
}

process.stdout.write('\nsummary\n');
for (const { name, problems } of results) {
  process.stdout.write(
    `  ${name.padEnd(15)} ${problems.length === 0 ? 'ok' : problems.join('; ')}\n`,
  );
}
const failed = results.filter((r) => r.problems.length > 0).length;
process.stdout.write(`${names.length - failed} packages clean, ${failed} with problems\n`);
process.exit(failed > 0 ? 1 : 0);

function checkPackage(name) {
  const dir = join(root, 'packages', name);
  const problems = [];
  process.stdout.write(`\n=== ${name}\n`);

  const pack = JSON.parse(
    execFileSync('pnpm', ['pack', '--json', '--pack-destination', out], { cwd: dir, env }),
  );
  const tarball = pack.filename;
  const files = pack.files.map((f) => f.path);
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  );
  const source = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  problems.push(...manifestProblems(name, source, manifest, files, dir));
  process.stdout.write(`packed ${files.length} files: ${files.join(', ')}\n`);

  const publint = spawnSync(bin('publint'), ['run', tarball, '--strict'], {
    env,
    encoding: 'utf8',
  });
  process.stdout.write(publint.stdout + publint.stderr);
  if (publint.status !== 0) problems.push('publint --strict failed');

  const attw = spawnSync(bin('attw'), [tarball, '--format', 'ascii', '--no-emoji'], {
    env,
    encoding: 'utf8',
  });
  process.stdout.write(attw.stdout + attw.stderr);
  if (attw.status !== 0) problems.push('attw found problems');

  for (const file of files.filter((f) => /\.(c?js)$/.test(f))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const [pattern, what] of newerThanFloor) {
      if (pattern.test(text))
        problems.push(`${file} uses ${what}, above engines ${manifest.engines?.node}`);
    }
  }
  for (const problem of problems) process.stdout.write(`problem: ${problem}\n`);
  return { name, problems };
}

function manifestProblems(name, source, manifest, files, dir) {
  const problems = [];
  const expect = (ok, message) => {
    if (!ok) problems.push(message);
  };
  expect(manifest.license === 'MIT', 'license is not MIT');
  expect(files.includes('LICENSE'), 'LICENSE is not in the tarball');
  const own = join(dir, 'LICENSE');
  expect(existsSync(own) && readFileSync(own, 'utf8') === license, 'LICENSE differs from the root');
  expect(
    manifest.repository?.directory === `packages/${name}` &&
      manifest.repository?.url === 'git+https://github.com/qqwxpay/qqwxpay.git',
    'repository is not the monorepo with this directory',
  );
  expect(
    isDeepStrictEqual(manifest.engines, rootManifest.engines),
    'engines differ from the root package.json',
  );
  expect(manifest.sideEffects === false, 'sideEffects is not false');
  expect(Array.isArray(manifest.keywords) && manifest.keywords.length > 0, 'no keywords');
  expect(source.publishConfig?.access === 'public', 'publishConfig.access is not public');
  expect(
    isDeepStrictEqual(source.publishConfig?.exports, withoutSourceCondition(source.exports)),
    `publishConfig.exports is not exports without the ${sourceCondition} condition`,
  );
  expect(
    !JSON.stringify(manifest).includes(sourceCondition),
    `packed manifest names ${sourceCondition}`,
  );
  expect(
    !JSON.stringify(manifest).includes('workspace:'),
    'packed manifest has a workspace: range',
  );
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    expect(runtimeDeps.test(dep), `runtime dependency ${dep} is not allowed`);
  }
  for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
    expect(
      optionalPeers.has(peer) && manifest.peerDependenciesMeta?.[peer]?.optional === true,
      `peer dependency ${peer} is not an allowed optional peer`,
    );
  }
  const extra = files.filter((file) => !shipped.test(file));
  expect(
    extra.length === 0,
    `ships ${extra.length} files beyond dist/ and bin/: ${extra.slice(0, 3)}…`,
  );
  return problems;
}

function withoutSourceCondition(exports) {
  if (typeof exports !== 'object' || exports === null) return exports;
  const copy = {};
  for (const [key, value] of Object.entries(exports)) {
    if (key !== sourceCondition) copy[key] = withoutSourceCondition(value);
  }
  return copy;
}
