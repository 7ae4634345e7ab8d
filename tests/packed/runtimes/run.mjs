// Usage: <runtime> run.mjs KEYS_DIR, from a project where the packed packages are installed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSteps } from './steps.mjs';

const dir = process.argv[2];
const results = await runSteps({
  keyPem: readFileSync(join(dir, 'key.pem'), 'utf8'),
  certPem: readFileSync(join(dir, 'cert.pem'), 'utf8'),
  p12: readFileSync(join(dir, 'key.p12')),
});
for (const [step, result] of Object.entries(results)) process.stdout.write(`${step}: ${result}\n`);
