import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository root. */
export const root: string = join(import.meta.dirname, '..', '..', '..');

/** One package as packed by pnpm: its folder name, its name and its published manifest. */
export interface PackedPackage {
  folder: string;
  name: string;
  tarball: string;
  files: string[];
  manifest: {
    name: string;
    version: string;
    exports: Record<string, unknown>;
    main?: string;
    module?: string;
    types?: string;
    bin?: Record<string, string>;
  };
}

/** A scratch npm project with every package's tarball installed. */
export interface ScratchProject {
  dir: string;
  packages: PackedPackage[];
}

/** The folders under packages/, each one a published package. */
export function packageFolders(): string[] {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** A new empty folder under the system's temporary folder, for {@link createScratchProject}. */
export function scratchFolder(): string {
  return mkdtempSync(join(tmpdir(), 'qqwxpay-packed-'));
}

/**
 * Builds each package whose `dist` is missing or older than its sources (turbo's `^build` has
 * normally done it already), packs each with pnpm into `dir`, and installs the tarballs with
 * npm into a new project there.
 */
export async function createScratchProject(dir: string): Promise<ScratchProject> {
  const folders = packageFolders();
  const stale = folders.filter((folder) => !isBuilt(join(root, 'packages', folder)));
  if (stale.length > 0) {
    const filters = stale.flatMap((folder) => ['--filter', `./packages/${folder}`]);
    await run('pnpm', [...filters, 'run', 'build'], { cwd: root }).catch(
      (error: { stdout?: string; stderr?: string }) => {
        const lines = `${error.stdout ?? ''}${error.stderr ?? ''}`.split('\n');
        const errors = lines.filter((line) => /error|fail/i.test(line)).slice(0, 10);
        throw new Error(`the packages do not build:\n${errors.join('\n')}`);
      },
    );
  }

  const tarballs = join(dir, 'tarballs');
  const project = join(dir, 'project');
  mkdirSync(tarballs);
  mkdirSync(project);

  const packages = await Promise.all(folders.map((folder) => pack(folder, tarballs)));
  const dependencies = Object.fromEntries(packages.map((p) => [p.name, `file:${p.tarball}`]));
  const manifest = { name: 'packed-probe', private: true, dependencies };
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: project,
    env: npmEnv(),
  });
  return { dir: project, packages };
}

async function pack(folder: string, destination: string): Promise<PackedPackage> {
  const cwd = join(root, 'packages', folder);
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], {
    cwd,
  });
  const packed = JSON.parse(stdout) as {
    name: string;
    filename: string;
    files: { path: string }[];
  };
  const { stdout: json } = await run('tar', ['-xzOf', packed.filename, 'package/package.json']);
  const files = packed.files.map((file) => file.path);
  return { folder, name: packed.name, tarball: packed.filename, files, manifest: JSON.parse(json) };
}

function isBuilt(dir: string): boolean {
  let built: number;
  try {
    built = statSync(join(dir, 'dist', 'index.js')).mtimeMs;
  } catch {
    return false;
  }
  return newest(join(dir, 'src')) <= built;
}

function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) time = Math.max(time, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return time;
}

// npm, started from a pnpm script, would otherwise inherit pnpm's npm_config_* settings.
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith('npm_')) env[key] = value;
  }
  return { ...env, npm_config_update_notifier: 'false' };
}

/** Reads a file of the scratch project. */
export function readProjectFile(project: ScratchProject, path: string): string {
  return readFileSync(join(project.dir, path), 'utf8');
}
