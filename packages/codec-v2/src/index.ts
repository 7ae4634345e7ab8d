export { failAck, successAck } from './ack.ts';
export { type DecodeXmlOptions, decodeXml } from './decode-xml.ts';
export { encodeXml } from './encode-xml.ts';
export { V2_ENDPOINTS } from './endpoints.ts';
export { V2_ERROR_CODES, V2Error, type V2ErrorCode, type V2ErrorOptions } from './errors.ts';
export type { HttpRequest } from './http-request.ts';
export type { SignOptions } from './internal/signed-request.ts';
export { DEFAULT_MAX_BYTES } from './internal/xml-input.ts';
export { buildCloseOrder, type CloseOrderParams } from './messages/close-order.ts';
export { buildOrderQuery, type OrderQueryParams } from './messages/order-query.ts';
export {
  type PaymentNotification,
  parsePaymentNotification,
  paymentNotificationSchema,
} from './messages/payment-notification.ts';
export { buildRefund, type RefundParams } from './messages/refund.ts';
export {
  parseRefundNotification,
  type RefundInfo,
  type RefundNotification,
  refundNotificationSchema,
} from './messages/refund-notification.ts';
export { buildRefundQuery, type RefundQueryParams } from './messages/refund-query.ts';
export type { SceneInfo } from './messages/scene-info.ts';
export {
  buildUnifiedOrder,
  type UnifiedOrder,
  type UnifiedOrderParams,
  unifiedOrderSchema,
} from './messages/unified-order.ts';
export {
  parseUnifiedOrderResponse,
  type UnifiedOrderResult,
  unifiedOrderResponseSchema,
} from './messages/unified-order-response.ts';
export { nonceStr } from './nonce-str.ts';
export { type ParseResponseOptions, parseResponse } from './parse-response.ts';
export { decryptRefundInfo, encryptRefundInfo, refundInfoKey } from './refund-info.ts';
export { sign } from './sign.ts';
export { signXml } from './sign-xml.ts';
export { stringToSign } from './string-to-sign.ts';
export { SIGN_TYPES, type SignType, type V2Fields, type V2Params, type V2Value } from './types.ts';
export { type VerifyOptions, verify } from './verify.ts';
export { type VerifyXmlOptions, verifyXml } from './verify-xml.ts';
