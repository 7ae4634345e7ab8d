/**
 * WeChat Pay's V2 endpoints. Only the unified order goes through QQ's proxy (which rewrites
 * the URL); query, close, refund and refund query are sent to these URLs directly. Refund
 * needs the merchant's API client certificate (mutual TLS).
 *
 * @example
 * ```ts
 * V2_ENDPOINTS.orderQuery; // 'https://api.mch.weixin.qq.com/pay/orderquery'
 * ```
 */
export const V2_ENDPOINTS: Readonly<{
  unifiedOrder: string;
  orderQuery: string;
  closeOrder: string;
  refund: string;
  refundQuery: string;
}> = Object.freeze({
  unifiedOrder: 'https://api.mch.weixin.qq.com/pay/unifiedorder',
  orderQuery: 'https://api.mch.weixin.qq.com/pay/orderquery',
  closeOrder: 'https://api.mch.weixin.qq.com/pay/closeorder',
  refund: 'https://api.mch.weixin.qq.com/secapi/pay/refund',
  refundQuery: 'https://api.mch.weixin.qq.com/pay/refundquery',
});
