import { describe, expect, it } from 'vitest';
import { DEMO_STEPS, type DemoReport, runDemo } from '../src/demo/run-demo.ts';
import { footer, stepBlock } from '../src/demo/transcript.ts';
import { run } from './proxy-cli-io.ts';

describe('qqwxpay demo', () => {
  it('runs every step against the sandbox, prints the transcript and exits 0', async () => {
    const { code, stdout, stderr } = await run(['demo']);
    expect(stderr).toBe('');
    expect(code, stdout).toBe(0);
    for (const [i, step] of DEMO_STEPS.entries()) {
      expect(stdout).toContain(
        `[${String(i + 1).padStart(2)}/${DEMO_STEPS.length}] ok   ${step.title}`,
      );
    }
    expect(stdout).toContain(
      'merchant → QQ: POST /wxpay/unifiedorder?appid=1112223334&access_token=',
    );
    expect(stdout).toContain('WeChat Pay → QQ → merchant: POST /notify/v3/1900000101');
    expect(stdout).toContain('← 200 {"errcode":9031');
    expect(stdout).toContain('secret=***');
    expect(stdout).toMatch(/10 of 10 steps held in \d+ ms: every step held/);
  }, 90_000);

  it('--json prints one JSON report with every step and its exchanges, tokens masked', async () => {
    const { code, stdout } = await run(['demo', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as DemoReport;
    expect(report.ok).toBe(true);
    expect(report.steps.map((s) => s.title)).toEqual(DEMO_STEPS.map((s) => s.title));
    expect(report.steps.every((s) => s.ok && s.error === undefined)).toBe(true);
    const order = report.steps[1]!;
    expect(order.exchanges.map((e) => e.direction)).toEqual([
      'merchant→qq',
      'user→wechat',
      'user→wechat',
      'wechat→qq→merchant',
    ]);
    expect(stdout).not.toMatch(/access_token=[0-9A-Za-z]{7,}/);
    expect(stdout).not.toMatch(/"access_token":"[0-9A-Za-z]{7,}/);
  }, 90_000);

  it('reports a failing step, runs the next ones, and the report is not ok', async () => {
    const blocks: string[] = [];
    const report = await runDemo(
      {
        started: () => undefined,
        step: (result, total) => blocks.push(stepBlock(result, total)),
      },
      [
        DEMO_STEPS[0]!,
        {
          title: 'a step whose expectation does not hold',
          run: async () => {
            throw Object.assign(new Error('the merchant answered HTTP 500'), {
              code: 'ERR_DEMO_PROBE',
            });
          },
        },
        DEMO_STEPS[0]!,
      ],
    );
    expect(report.ok).toBe(false);
    expect(report.steps.map((s) => s.ok)).toEqual([true, false, true]);
    expect(blocks[1]).toContain('FAIL a step whose expectation does not hold');
    expect(blocks[1]).toContain('✗ ERR_DEMO_PROBE: the merchant answered HTTP 500');
    expect(footer(report)).toContain('1 step(s) failed');
  }, 90_000);
});
