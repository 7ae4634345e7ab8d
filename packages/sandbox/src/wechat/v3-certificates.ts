import { X509Certificate } from 'node:crypto';
import { encryptResource } from '@qqwxpay/codec-v3';
import type { SandboxContext } from '../internal/context.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import { beijing } from '../internal/ids.ts';
import { checkAuthorization } from './v3-authorization.ts';
import { v3Error, v3Signed } from './v3-reply.ts';

/**
 * WeChat Pay's `GET /v3/certificates`: the merchant's platform certificate, encrypted with its
 * APIv3 key (associated data `certificate`), in a response signed with the platform key.
 */
export async function v3Certificates(context: SandboxContext, request: Incoming): Promise<Reply> {
  if (request.method !== 'GET') return v3Error(405, 'METHOD_NOT_ALLOWED', 'GET only');
  const merchant = checkAuthorization(context, request);
  if ('status' in merchant) return merchant;

  const certificate = new X509Certificate(merchant.config.platformCertificate);
  const encrypted = encryptResource(merchant.config.platformCertificate, merchant.config.apiV3Key, {
    associatedData: 'certificate',
  });
  return v3Signed(merchant, 200, {
    data: [
      {
        serial_no: merchant.config.platformSerial,
        effective_time: beijing(new Date(certificate.validFrom)),
        expire_time: beijing(new Date(certificate.validTo)),
        encrypt_certificate: {
          algorithm: encrypted.algorithm,
          nonce: encrypted.nonce,
          associated_data: encrypted.associated_data,
          ciphertext: encrypted.ciphertext,
        },
      },
    ],
  });
}
