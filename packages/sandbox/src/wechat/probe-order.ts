import type { Delivery } from '../callbacks/sender.ts';
import { signtestProbe } from '../callbacks/signtest-probe.ts';
import { SandboxError } from '../errors.ts';
import type { SandboxContext } from '../internal/context.ts';
import type { OrderRecord } from './order-store.ts';

/** Sends one SIGNTEST probe to a V3 order's notify URL (through QQ when the order went there). */
export function probeOrder(context: SandboxContext, order: OrderRecord): Delivery {
  const merchant = context.merchants.get(order.mchid);
  if (merchant === undefined || order.api === 'v2-unifiedorder') {
    throw new SandboxError('ERR_SANDBOX_ORDER_STATE', 'SIGNTEST probes exist for V3 orders only');
  }
  return context.callbacks.deliver(signtestProbe(merchant, order.notifyUrl, context.now()));
}
