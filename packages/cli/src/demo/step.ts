import type { NotificationEvent } from '@qqwxpay/notify-verify';
import type { CallbackRecord } from './merchant-server.ts';
import type { DemoWorld } from './world.ts';

/** One step of the demo: a title, and work that resolves to notes or throws when it fails. */
export interface DemoStep {
  title: string;
  run(world: DemoWorld): Promise<string[]>;
}

/** A failed expectation inside a step. */
export class StepFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepFailure';
  }
}

/** Throws a {@link StepFailure} unless `condition` holds. */
export function expectThat(condition: boolean, message: string): asserts condition {
  if (!condition) throw new StepFailure(message);
}

/** The order or refund number a verified event is about. */
export function numberOf(event: NotificationEvent | undefined): string | undefined {
  if (event === undefined) return undefined;
  if (event.version === 'v2') {
    return event.kind === 'refund' ? event.refund.out_refund_no : event.fields.out_trade_no;
  }
  if (event.kind === 'refund') return event.resource.out_refund_no;
  if (event.kind === 'combine-transaction') return event.resource.combine_out_trade_no;
  return event.resource.out_trade_no;
}

/** Waits for the merchant server to process the callback about `number`. */
export function callbackAbout(
  world: DemoWorld,
  number: string,
  from: number,
): Promise<CallbackRecord> {
  return world.merchantServer.waitFor((record) => numberOf(record.event) === number, from);
}

/** A fresh order number: prefix, time and random digits, within WeChat Pay's 32 characters. */
export function orderNumber(prefix: string): string {
  const random = Math.floor(Math.random() * 1e6)
    .toString()
    .padStart(6, '0');
  return `${prefix}${Date.now()}${random}`;
}

/** Amounts in fen as yuan, for notes. */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}
