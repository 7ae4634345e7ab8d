import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VECTORS_DIR, wycheproofReport } from '../support/wycheproof.ts';

const reports = wycheproofReport();

describe('Wycheproof and WeChat Pay vectors against our code', () => {
  it('covers every vector file in the shared folder', () => {
    const files = readdirSync(join(VECTORS_DIR, 'wycheproof')).filter((f) => f.endsWith('.json'));
    const covered = reports.map((r) => r.file);
    for (const f of files) expect(covered).toContain(`wycheproof/${f}`);
    expect(covered).toContain('wechatpay-official.json');
  });

  for (const report of reports) {
    for (const [layer, counts] of Object.entries(report.layers)) {
      it(`${report.file} (${layer}): no valid vector refused, no invalid one accepted`, () => {
        expect(counts.validRefused).toEqual([]);
        expect(counts.invalidAccepted).toEqual([]);
        const judged =
          (counts.matrix['valid/accepted'] ?? 0) + (counts.matrix['invalid/refused'] ?? 0);
        expect(judged).toBeGreaterThan(0);
      });
    }
  }
});
