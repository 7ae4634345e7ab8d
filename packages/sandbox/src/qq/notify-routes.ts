/** Where QQ forwards the callbacks of one order. */
export interface NotifyRoute {
  qqAppId: string;
  /** The order's `real_notify_url`, when it had one. */
  realNotifyUrl: string | undefined;
}

/** QQ's memory of proxied orders: `mchid/out_trade_no` to the callback's destination. */
export class NotifyRoutes {
  readonly #routes = new Map<string, NotifyRoute>();

  /** Remembers where the callbacks of an order go. */
  set(mchid: string, outTradeNo: string, route: NotifyRoute): void {
    this.#routes.set(`${mchid}/${outTradeNo}`, route);
  }

  /** The destination of an order's callbacks, if the order went through QQ. */
  get(mchid: string, outTradeNo: string): NotifyRoute | undefined {
    return this.#routes.get(`${mchid}/${outTradeNo}`);
  }
}
