import type { Delivery } from '../callbacks/sender.ts';
import { SandboxError } from '../errors.ts';
import type { SandboxContext } from '../internal/context.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import type { OrderRecord } from './order-store.ts';
import { payOrder, redeliverPayment } from './pay-order.ts';
import { probeOrder } from './probe-order.ts';

const JSON_HEADERS = { 'Content-Type': 'application/json' };

function answer(status: number, value: unknown): Reply {
  return { status, headers: JSON_HEADERS, body: JSON.stringify(value) };
}

/** The order a control body names; `malformed` when the body is not a JSON object naming one. */
function findOrder(context: SandboxContext, body: Buffer): OrderRecord | undefined | 'malformed' {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return 'malformed';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'malformed';
  const fields = value as Record<string, unknown>;
  if (typeof fields.prepay_id === 'string') return context.orders.byPrepayId(fields.prepay_id);
  if (typeof fields.mchid === 'string' && typeof fields.out_trade_no === 'string') {
    return context.orders.get(fields.mchid, fields.out_trade_no);
  }
  return 'malformed';
}

async function summary(delivery: Delivery): Promise<unknown> {
  const settled = await delivery.settled;
  return { kind: settled.kind, acknowledged: settled.acknowledged, attempts: settled.attempts };
}

/**
 * The sandbox's own endpoints (not WeChat Pay's), for driving it from a shell: `POST
 * /_sandbox/pay`, `/_sandbox/redeliver` and `/_sandbox/probe`, each with a JSON body naming
 * the order by `prepay_id` or by `mchid` and `out_trade_no`. `pay` answers once the order is
 * paid; the others once their single attempt was answered.
 */
export async function control(context: SandboxContext, request: Incoming): Promise<Reply> {
  if (request.method !== 'POST') return answer(405, { error: 'POST only' });
  const order = findOrder(context, request.body);
  if (order === 'malformed') {
    return answer(400, {
      error: 'expected a JSON object with prepay_id, or mchid and out_trade_no',
    });
  }
  if (order === undefined) return answer(404, { error: 'order not found' });
  try {
    switch (request.path) {
      case '/_sandbox/pay': {
        payOrder(context, order);
        return answer(200, { state: order.state, transaction_id: order.transactionId });
      }
      case '/_sandbox/redeliver':
        return answer(200, await summary(redeliverPayment(context, order)));
      case '/_sandbox/probe':
        return answer(200, await summary(probeOrder(context, order)));
      default:
        return answer(404, { error: 'not found' });
    }
  } catch (error) {
    if (error instanceof SandboxError) return answer(409, { error: error.code });
    throw error;
  }
}
