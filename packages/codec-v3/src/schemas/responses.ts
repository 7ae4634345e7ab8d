import { z } from 'zod';

/** The answer to an H5 order. */
export interface H5Response {
  /** The URL the payer opens (with `qq.requestWxPayment` in a QQ mini program). */
  h5_url: string;
  [key: string]: unknown;
}

/** Schema of the answer to an H5 order: `{ h5_url }`, unknown fields kept. */
export const h5ResponseSchema: z.ZodType<H5Response> = z.looseObject({
  h5_url: z
    .string()
    .max(512)
    .refine((v) => v.startsWith('https://'), 'must be an https URL'),
});

/** WeChat Pay's error body. */
export interface ErrorBody {
  /** The error code, such as `PARAM_ERROR`. */
  code: string;
  /** The reason, in Chinese. */
  message: string;
  /** Where the error is (`field`, `value`, `issue`, `location`), when WeChat Pay says. */
  detail?: unknown;
  [key: string]: unknown;
}

/** Schema of a V3 error body `{ code, message, detail? }`, unknown fields kept. */
export const errorBodySchema: z.ZodType<ErrorBody> = z.looseObject({
  code: z.string(),
  message: z.string(),
  detail: z.unknown().optional(),
});

/** A callback as it arrives, before decryption. */
export interface CallbackEnvelope {
  /** The notification id. */
  id: string;
  /** RFC 3339 creation time. */
  create_time: string;
  /** Such as `TRANSACTION.SUCCESS` or `REFUND.SUCCESS`. */
  event_type: string;
  /** Always `encrypt-resource`. */
  resource_type: string;
  /** A summary, such as `支付成功`. */
  summary: string;
  /** The encrypted resource. */
  resource: {
    algorithm: string;
    ciphertext: string;
    nonce: string;
    associated_data?: string | undefined;
    original_type: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** Schema of a V3 callback envelope; unknown fields kept. */
export const callbackEnvelopeSchema: z.ZodType<CallbackEnvelope> = z.looseObject({
  id: z.string().min(1),
  create_time: z.string(),
  event_type: z.string().min(1),
  resource_type: z.string(),
  summary: z.string(),
  resource: z.looseObject({
    algorithm: z.string(),
    ciphertext: z.string(),
    nonce: z.string(),
    associated_data: z.string().optional(),
    original_type: z.string(),
  }),
});
