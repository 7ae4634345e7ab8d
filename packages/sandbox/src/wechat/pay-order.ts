import { paymentNotification } from '../callbacks/payment-notification.ts';
import type { Delivery } from '../callbacks/sender.ts';
import { SandboxError } from '../errors.ts';
import type { SandboxContext } from '../internal/context.ts';
import { token, transactionId } from '../internal/ids.ts';
import type { OrderRecord } from './order-store.ts';

/**
 * The user pays: the order becomes SUCCESS with a transaction id (one per sub-order of a combine
 * order) and its payment callback starts on WeChat Pay's schedule.
 */
export function payOrder(context: SandboxContext, order: OrderRecord): Delivery {
  if (order.state !== 'NOTPAY') {
    throw new SandboxError('ERR_SANDBOX_ORDER_STATE', `order is ${order.state}, not NOTPAY`);
  }
  const merchant = context.merchants.get(order.mchid);
  if (merchant === undefined) {
    throw new SandboxError('ERR_SANDBOX_ORDER_NOT_FOUND', 'order has no merchant');
  }
  const now = context.now();
  order.state = 'SUCCESS';
  order.paidAt = now;
  order.transactionId = transactionId(new Date(now));
  order.openid = `o${token(27)}`;
  for (const sub of order.subOrders) sub.transactionId = transactionId(new Date(now));
  order.payment = paymentNotification(merchant, order);
  context.emit({ side: 'wechat', kind: 'paid', note: `${order.api} ${order.outTradeNo}` });
  return context.callbacks.deliver(order.payment);
}

/** Sends a paid order's payment callback again, the same body, as WeChat Pay's retries do. */
export function redeliverPayment(context: SandboxContext, order: OrderRecord): Delivery {
  if (order.payment === undefined) {
    throw new SandboxError('ERR_SANDBOX_ORDER_STATE', `order is ${order.state}, never paid`);
  }
  return context.callbacks.deliver({ ...order.payment, once: true });
}
