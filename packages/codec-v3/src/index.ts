export {
  AUTHORIZATION_SCHEME,
  type AuthorizationRequest,
  buildAuthorization,
  type MerchantCredentials,
} from './build-authorization.ts';
export {
  CertificateRefresher,
  type CertificateRefresherOptions,
  type SendRequest,
} from './certificates/certificate-refresher.ts';
export { type CertificatesBody, certificatesBodySchema } from './certificates/certificates-body.ts';
export {
  type ParseCertificatesOptions,
  parseCertificatesResponse,
} from './certificates/parse-certificates-response.ts';
export { decryptField } from './decrypt-field.ts';
export { decryptResource, RESOURCE_ALGORITHM, type Resource } from './decrypt-resource.ts';
export { encryptField } from './encrypt-field.ts';
export { type EncryptResourceOptions, encryptResource } from './encrypt-resource.ts';
export {
  V3_ERROR_CODES,
  V3ApiError,
  type V3ApiErrorDetails,
  V3Error,
  type V3ErrorCode,
  type V3ErrorDetails,
} from './errors.ts';
export { getHeader, type HeadersLike, type HttpRequest, type HttpResponse } from './http.ts';
export { type LoadedCertificate, loadCertificate } from './load-certificate.ts';
export { type LoadPrivateKeyOptions, loadPrivateKey } from './load-private-key.ts';
export { loadPublicKey } from './load-public-key.ts';
export { pathAndQuery, requestMessage } from './request-message.ts';
export {
  createRequestSigner,
  type RequestSigner,
  type SignRequestOptions,
} from './request-signer.ts';
export { type RequestOptions, V3_BASE_URL } from './requests/base.ts';
export { certificatesRequest } from './requests/certificates.ts';
export { type CombineCloseBody, combineClose, combineQuery } from './requests/combine.ts';
export { h5CombineOrder, h5DirectOrder, h5PartnerOrder } from './requests/h5-orders.ts';
export {
  type RefundRequest,
  refund,
  refundQuery,
  refundRequestSchema,
} from './requests/refunds.ts';
export {
  closeOrder,
  type MerchantRef,
  queryByOutTradeNo,
  queryByTransactionId,
} from './requests/transactions.ts';
export type { H5SceneInfo, SettleInfo } from './schemas/fields.ts';
export {
  type CombineSubOrder,
  type H5CombineOrder,
  type H5DirectOrder,
  type H5PartnerOrder,
  h5CombineOrderSchema,
  h5DirectOrderSchema,
  h5PartnerOrderSchema,
  type OrderAmount,
} from './schemas/h5-order.ts';
export {
  type CombineTransaction,
  combineTransactionSchema,
  type RefundResource,
  refundResourceSchema,
  type Transaction,
  transactionSchema,
} from './schemas/resources.ts';
export {
  type CallbackEnvelope,
  callbackEnvelopeSchema,
  type ErrorBody,
  errorBodySchema,
  type H5Response,
  h5ResponseSchema,
} from './schemas/responses.ts';
export {
  type SignResponseParams,
  signResponse,
  type WechatpaySignatureHeaders,
} from './sign-response.ts';
export { type AddCertificateOptions, type Verifier, VerifierStore } from './verifier-store.ts';
export { type VerifiedResponse, verifyResponse } from './verify-response.ts';
export {
  SIGNTEST_PREFIX,
  type SignedMessage,
  type VerifiedHeaders,
  type VerifyOptions,
  verifySignature,
} from './verify-signature.ts';
