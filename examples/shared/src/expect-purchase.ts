import { expect } from 'vitest';
import type { Purchase } from './purchase.ts';

/**
 * The assertions every example makes about a purchase: the order went through QQ's proxy, the
 * payment callback was acknowledged and processed exactly once with the decrypted transaction,
 * the retried callback was acknowledged without being processed again, and (V3) the SIGNTEST
 * probe was refused without being processed.
 *
 * @param purchase - what {@link ExampleWorld.purchase} observed
 * @param total - the order total in fen
 */
export function expectPaidOnce(purchase: Purchase, total: number): void {
  expect(purchase.h5Url).toMatch(/^https:\/\/wx\.tenpay\.com\//);
  expect(purchase.placed).toEqual({
    state: 'NOTPAY',
    total,
    notifyUrl: expect.any(String),
    proxiedByQq: true,
  });

  expect(purchase.payment.acknowledged).toBe(true);
  expect(purchase.payment.attempts).toHaveLength(1);
  expect(purchase.transactionId).toMatch(/^\d{20,32}$/);
  const paid = {
    outTradeNo: purchase.outTradeNo,
    total,
    paid: true,
    handled: 1,
    transactionId: purchase.transactionId,
  };
  expect(purchase.afterPayment).toEqual(paid);

  expect(purchase.redelivery.acknowledged).toBe(true);
  expect(purchase.afterRedelivery).toEqual(paid);

  if (purchase.probe !== undefined) {
    expect(purchase.probe.acknowledged).toBe(false);
    expect(purchase.probe.attempts.map((a) => a.status)).toEqual([401]);
    expect(purchase.afterProbe).toEqual(paid);
  }
}
