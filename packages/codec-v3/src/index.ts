export {
  AUTHORIZATION_SCHEME,
  type AuthorizationRequest,
  buildAuthorization,
  type MerchantCredentials,
} from './build-authorization.ts';
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
