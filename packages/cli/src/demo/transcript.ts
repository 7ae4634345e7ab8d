import type { Exchange } from './exchange.ts';
import type { DemoReport, StepResult } from './run-demo.ts';

const ARROWS: Record<Exchange['direction'], string> = {
  'merchant→qq': 'merchant → QQ',
  'merchant→wechat': 'merchant → WeChat Pay',
  'user→wechat': 'payer → pay page',
  'wechat→qq→merchant': 'WeChat Pay → QQ → merchant',
  'wechat→merchant': 'WeChat Pay → merchant',
};

/** The transcript's opening lines, once both servers listen. */
export function header(
  endpoints: Pick<DemoReport, 'qqBaseUrl' | 'wechatBaseUrl' | 'merchantUrl'>,
  ms: number,
): string {
  return [
    'qqwxpay demo: a QQ mini program pays with WeChat Pay, end to end on loopback',
    '',
    `  QQ backend (sandbox)      ${endpoints.qqBaseUrl}   stands for https://api.q.qq.com`,
    `  WeChat Pay (sandbox)      ${endpoints.wechatBaseUrl}   stands for https://api.mch.weixin.qq.com`,
    `  merchant server           ${endpoints.merchantUrl}   built from the @qqwxpay packages`,
    `  keys generated and servers started in ${ms} ms`,
    '',
  ].join('\n');
}

function exchangeLines(exchange: Exchange): string[] {
  const who = ARROWS[exchange.direction];
  const timing = exchange.ms > 0 ? `  (${exchange.ms} ms)` : '';
  const lines = [`      ${who}: ${exchange.method} ${exchange.target}${timing}`];
  if (exchange.request !== '') lines.push(`        → ${exchange.request}`);
  lines.push(`        ← ${exchange.status} ${exchange.response}`);
  return lines;
}

/** One step's block: status line, its exchanges abridged, its notes or its failure. */
export function stepBlock(result: StepResult, total: number): string {
  const counter = `[${String(result.index).padStart(String(total).length)}/${total}]`;
  const verdict = result.ok ? 'ok  ' : 'FAIL';
  const lines = [`${counter} ${verdict} ${result.title}  (${result.ms} ms)`];
  for (const exchange of result.exchanges) lines.push(...exchangeLines(exchange));
  for (const note of result.notes) lines.push(`      ✓ ${note}`);
  if (result.error !== undefined) lines.push(`      ✗ ${result.error}`);
  return `${lines.join('\n')}\n`;
}

/** The closing line. */
export function footer(report: DemoReport): string {
  const held = report.steps.filter((s) => s.ok).length;
  const verdict = report.ok ? 'every step held' : `${report.steps.length - held} step(s) failed`;
  return `\n${held} of ${report.steps.length} steps held in ${report.ms} ms: ${verdict}\n`;
}
