// Writes results/wycheproof-latest.json: for every shared vector file, counts by Wycheproof
// result and by what our code did, per layer (the primitive, and the public function where a
// vector fits through it).
import { writeResult } from '../test/support/tally.ts';
import { wycheproofReport } from '../test/support/wycheproof.ts';

const reports = wycheproofReport();
const path = writeResult('wycheproof-latest.json', {
  date: new Date().toISOString(),
  node: process.version,
  openssl: process.versions.openssl,
  files: reports,
});
let bad = 0;
for (const r of reports) {
  for (const [layer, l] of Object.entries(r.layers)) {
    bad += l.validRefused.length + l.invalidAccepted.length;
    const cells = Object.entries(l.matrix)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    process.stdout.write(`${r.file} [${layer}] ${r.tests} tests: ${cells}\n`);
  }
}
process.stdout.write(`wrote ${path}\n`);
if (bad > 0) process.exitCode = 1;
