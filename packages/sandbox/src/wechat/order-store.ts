import type { SignType } from '@qqwxpay/codec-v2';
import type { Notification } from '../callbacks/sender.ts';

/** Which order endpoint created an order. */
export type OrderApi = 'v2-unifiedorder' | 'v3-h5' | 'v3-partner-h5' | 'v3-combine-h5';

/** WeChat Pay's trade states the sandbox moves through. */
export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';

/** One sub-order of a combine order. */
export interface SubOrder {
  mchid: string;
  subMchid: string | undefined;
  outTradeNo: string;
  total: number;
  attach: string;
  description: string;
  transactionId: string | undefined;
}

/** A refund of an order. */
export interface RefundRecord {
  /** The merchant that asked for it: the order's, or a combine sub-order's. */
  mchid: string;
  /** The combine sub-order refunded, when it is one. */
  subOrder: SubOrder | undefined;
  outRefundNo: string;
  refundId: string;
  amount: number;
  status: 'PROCESSING' | 'SUCCESS';
  notifyUrl: string | undefined;
  createdAt: number;
  successAt: number | undefined;
}

/** An order as WeChat Pay keeps it. */
export interface OrderRecord {
  api: OrderApi;
  /** The merchant that placed it and signs for it: `mch_id`, `mchid`, `sp_mchid` or `combine_mchid`. */
  mchid: string;
  /** The order number: `out_trade_no`, or `combine_out_trade_no` for a combine order. */
  outTradeNo: string;
  /** The WeChat appid the order is for. */
  appId: string;
  subMchid: string | undefined;
  subAppId: string | undefined;
  prepayId: string;
  /** The total in fen (the sum of sub-orders for a combine order). */
  total: number;
  description: string;
  attach: string | undefined;
  notifyUrl: string;
  signType: SignType | undefined;
  state: TradeState;
  transactionId: string | undefined;
  /** The payer's openid, once paid. */
  openid: string | undefined;
  subOrders: SubOrder[];
  /** The accepted request, for comparing a repeated order. */
  fingerprint: string;
  createdAt: number;
  paidAt: number | undefined;
  refunds: RefundRecord[];
  /** The payment callback, kept so a redelivery sends the same body. */
  payment: Notification | undefined;
}

/** WeChat Pay's orders, by merchant and number and by prepay id. */
export class OrderStore {
  readonly #byNumber = new Map<string, OrderRecord>();
  readonly #byPrepayId = new Map<string, OrderRecord>();

  /** Stores a new order. */
  add(order: OrderRecord): void {
    this.#byNumber.set(`${order.mchid}/${order.outTradeNo}`, order);
    this.#byPrepayId.set(order.prepayId, order);
  }

  /** The order of `mchid` numbered `outTradeNo`. */
  get(mchid: string, outTradeNo: string): OrderRecord | undefined {
    return this.#byNumber.get(`${mchid}/${outTradeNo}`);
  }

  /** The order behind a prepay id. */
  byPrepayId(prepayId: string): OrderRecord | undefined {
    return this.#byPrepayId.get(prepayId);
  }

  /** The order of `mchid` with WeChat Pay's transaction id `transactionId`. */
  byTransactionId(mchid: string, transactionId: string): OrderRecord | undefined {
    for (const order of this.#byNumber.values()) {
      if (order.mchid === mchid && order.transactionId === transactionId) return order;
    }
    return undefined;
  }

  /** The order holding the refund `outRefundNo` that `mchid` asked for. */
  byRefund(mchid: string, outRefundNo: string): OrderRecord | undefined {
    for (const order of this.#byNumber.values()) {
      if (order.refunds.some((r) => r.mchid === mchid && r.outRefundNo === outRefundNo)) {
        return order;
      }
    }
    return undefined;
  }

  /** The combine order holding the sub-order of `mchid` numbered `outTradeNo`. */
  bySubOrder(mchid: string, outTradeNo: string): { order: OrderRecord; sub: SubOrder } | undefined {
    for (const order of this.#byNumber.values()) {
      const sub = order.subOrders.find((s) => s.mchid === mchid && s.outTradeNo === outTradeNo);
      if (sub !== undefined) return { order, sub };
    }
    return undefined;
  }

  /** Every order, oldest first. */
  all(): OrderRecord[] {
    return [...this.#byNumber.values()];
  }
}
