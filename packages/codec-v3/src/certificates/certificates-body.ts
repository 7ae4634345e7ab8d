import { z } from 'zod';

/** The body of a `GET /v3/certificates` answer. */
export interface CertificatesBody {
  /** One entry per platform certificate. */
  data: Array<{
    /** The serial, upper-case hex. */
    serial_no: string;
    /** RFC 3339 start of validity. */
    effective_time: string;
    /** RFC 3339 end of validity. */
    expire_time: string;
    /** The certificate PEM, encrypted with the APIv3 key. */
    encrypt_certificate: {
      algorithm: string;
      ciphertext: string;
      nonce: string;
      associated_data?: string | undefined;
      [key: string]: unknown;
    };
    [key: string]: unknown;
  }>;
  [key: string]: unknown;
}

/** Schema of a `GET /v3/certificates` body; unknown fields kept. */
export const certificatesBodySchema: z.ZodType<CertificatesBody> = z.looseObject({
  data: z
    .array(
      z.looseObject({
        serial_no: z.string().min(1).max(128),
        effective_time: z.string(),
        expire_time: z.string(),
        encrypt_certificate: z.looseObject({
          algorithm: z.string(),
          ciphertext: z.string(),
          nonce: z.string(),
          associated_data: z.string().optional(),
        }),
      }),
    )
    .min(1)
    .max(64),
});
