#!/usr/bin/env node
// Makes sure the programs the test suites start for themselves are installed:
// redis-server (notify-verify's Redis store) and Chromium (the sandbox's pay page).
// Each suite starts its own instance on loopback; nothing here is left running.
import { execFileSync, spawnSync } from 'node:child_process';

const needed = [
  { bin: 'redis-server', pkg: 'redis-server' },
  { bin: 'chromium', pkg: 'chromium' },
];

const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
const missing = needed.filter((n) => !has(n.bin));

if (missing.length > 0) {
  const pkgs = missing.map((m) => m.pkg);
  const canInstall = process.getuid?.() === 0 && has('apt-get');
  if (!canInstall) {
    console.error(
      `The tests need ${pkgs.join(' and ')}; install them (Debian: apt-get install ${pkgs.join(' ')}) and run again.`,
    );
    process.exit(1);
  }
  console.log(`installing ${pkgs.join(', ')} from Debian's packages`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], {
    stdio: 'inherit',
    env,
  });
}
