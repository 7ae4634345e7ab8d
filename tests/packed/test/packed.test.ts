import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjsProbe, esmProbe, type ProbeReport, typeCheckSource } from './probes.ts';
import {
  createScratchProject,
  type PackedPackage,
  packageFolders,
  readProjectFile,
  root,
  type ScratchProject,
  scratchFolder,
} from './scratch-project.ts';

const run = promisify(execFile);
const folders = packageFolders();
let scratch: string | undefined;
let project: ScratchProject;
let esm: ProbeReport;
let cjs: ProbeReport;

/** Every specifier a user can load: the package's `exports` keys, named as a user names them. */
function entryPoints(pkg: PackedPackage): string[] {
  return Object.keys(pkg.manifest.exports).map((key) => pkg.name + key.slice(1));
}

/** Every path an exports map points at. */
function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(leaves);
}

function packed(folder: string): PackedPackage {
  const pkg = project.packages.find((p) => p.folder === folder);
  if (!pkg) throw new Error(`${folder} was not packed`);
  return pkg;
}

async function probe(file: string, source: string): Promise<ProbeReport> {
  writeFileSync(join(project.dir, file), source);
  const specs = project.packages.flatMap(entryPoints);
  const { stdout } = await run(process.execPath, [file, JSON.stringify(specs)], {
    cwd: project.dir,
  });
  return JSON.parse(stdout) as ProbeReport;
}

beforeAll(async () => {
  scratch = scratchFolder();
  project = await createScratchProject(scratch);
  [esm, cjs] = await Promise.all([probe('probe.mjs', esmProbe), probe('probe.cjs', cjsProbe)]);
}, 240_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe.each(folders)('the packed %s', (folder) => {
  it('installs from its own tarball, with every @qqwxpay dependency from a tarball too', () => {
    const lock = JSON.parse(readProjectFile(project, 'node_modules/.package-lock.json')) as {
      packages: Record<string, { resolved?: string }>;
    };
    const ours = Object.entries(lock.packages).filter(([path]) => path.includes('@qqwxpay/'));
    expect(ours.map(([path]) => path)).toContain(`node_modules/${packed(folder).name}`);
    for (const [path, meta] of ours) expect(meta.resolved, path).toMatch(/^file:/);
  });

  it('ships every file its manifest points at', () => {
    const { files, manifest } = packed(folder);
    const targets = [manifest.main, manifest.module, manifest.types]
      .concat(Object.values(manifest.bin ?? {}), leaves(manifest.exports))
      .filter((target): target is string => target !== undefined)
      .map((target) => target.replace(/^\.\//, ''));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(files, `${folder} ships ${target}`).toContain(target);
  });

  it('ships no TypeScript source and no source condition', () => {
    const sources = packed(folder).files.filter((f) => f.endsWith('.ts') && !/\.d\.c?ts$/.test(f));
    expect(sources).toEqual([]);
    const manifest = JSON.stringify(packed(folder).manifest);
    expect(manifest).not.toContain('@qqwxpay/source');
    expect(manifest).not.toContain('./src/');
    expect(manifest).not.toContain('workspace:');
  });

  it('loads every entry point with import and with require, giving the same exports', () => {
    for (const spec of entryPoints(packed(folder))) {
      expect(esm[spec], `import ${spec}`).toBeDefined();
      expect(cjs[spec], `require ${spec}`).toBeDefined();
      expect(esm[spec]?.exports, spec).toEqual(cjs[spec]?.exports);
    }
  });

  it('gives the same results through import and require', () => {
    const spec = packed(folder).name;
    expect(esm[spec]?.calls).toEqual(cjs[spec]?.calls);
    for (const [call, result] of Object.entries(esm[spec]?.calls ?? {})) {
      expect(typeof result, call).toBe('string');
    }
  });

  it('exports its own package.json', () => {
    const { name, version } = packed(folder).manifest;
    expect(esm[`${name}/package.json`]?.exports).toMatchObject({ name: 'string' });
    const manifest = JSON.parse(readProjectFile(project, `node_modules/${name}/package.json`));
    expect(manifest).toMatchObject({ name, version });
  });
});

describe('the packed declarations', () => {
  it('type-check from an ES module and from a CommonJS module against the run-time exports', async () => {
    const runtime: Record<string, string[]> = {};
    for (const pkg of project.packages)
      runtime[pkg.name] = Object.keys(esm[pkg.name]?.exports ?? {});
    writeFileSync(join(project.dir, 'uses.mts'), typeCheckSource('esm', runtime));
    writeFileSync(join(project.dir, 'uses.cts'), typeCheckSource('cjs', runtime));
    const tsconfig = {
      compilerOptions: {
        strict: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2023'],
        types: ['node'],
        typeRoots: [join(root, 'node_modules', '@types')],
        skipLibCheck: false,
        noEmit: true,
      },
      files: ['uses.mts', 'uses.cts'],
    };
    writeFileSync(join(project.dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: project.dir,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }));
    expect(result.stdout).toBe('');
  }, 120_000);
});

describe('the packed command line', () => {
  it('runs from the installed bin', async () => {
    const { stdout } = await run(join(project.dir, 'node_modules', '.bin', 'qqwxpay'), ['help'], {
      cwd: project.dir,
    });
    expect(stdout).toMatch(/^usage: qqwxpay /);
  });
});
