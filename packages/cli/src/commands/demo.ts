import type { Command } from '../command.ts';
import { runDemo } from '../demo/run-demo.ts';
import { footer, header, stepBlock } from '../demo/transcript.ts';

/**
 * `qqwxpay demo`: the end-to-end journey on loopback. Prints the transcript step by step (or,
 * with `--json`, one JSON report at the end); exits 0 only if every step held, 1 otherwise.
 */
export const demoCommand: Command = {
  words: ['demo'],
  summary: 'run the whole payment journey against the sandbox and print a transcript',
  flags: { json: 'boolean' },
  async run(flags, io) {
    const json = flags.json === true;
    const report = await runDemo({
      started(endpoints, ms) {
        if (!json) io.stdout(header(endpoints, ms));
      },
      step(result, total) {
        if (!json) io.stdout(stepBlock(result, total));
      },
    });
    io.stdout(json ? `${JSON.stringify(report, null, 2)}\n` : footer(report));
    return report.ok ? 0 : 1;
  },
};
