import { z } from 'zod';
import { checkMessage } from '../internal/check-schema.ts';
import { type ParseResponseOptions, parseResponse } from '../parse-response.ts';
import type { V2Fields } from '../types.ts';

/** A successful unified-order response: every field received, `prepay_id` present. */
export type UnifiedOrderResult = V2Fields & {
  prepay_id: string;
  trade_type: string;
  mweb_url?: string;
};

/**
 * The fields a successful unified-order response must carry; `mweb_url` is required when
 * `trade_type` is `MWEB`. Other fields are allowed and kept.
 *
 * @example
 * ```ts
 * unifiedOrderResponseSchema.safeParse(fields).success;
 * ```
 */
export const unifiedOrderResponseSchema: z.ZodType<UnifiedOrderResult, V2Fields> = z
  .looseObject({
    return_code: z.literal('SUCCESS'),
    result_code: z.literal('SUCCESS'),
    appid: z.string().min(1),
    mch_id: z.string().min(1),
    nonce_str: z.string().min(1),
    sign: z.string().min(1),
    trade_type: z.string().min(1),
    prepay_id: z.string().min(1).max(64),
    mweb_url: z.url({ protocol: /^https?$/ }).optional(),
  })
  .superRefine((fields, context) => {
    if (fields.trade_type === 'MWEB' && fields.mweb_url === undefined) {
      context.addIssue({ code: 'custom', path: ['mweb_url'], message: 'is missing for MWEB' });
    }
  }) as unknown as z.ZodType<UnifiedOrderResult, V2Fields>;

/**
 * Reads WeChat Pay's answer to a unified order: `return_code` FAIL is an error carrying
 * `return_msg` (no signature is checked, none is sent); otherwise the signature is verified,
 * `result_code` FAIL is a business error carrying `err_code`/`err_code_des`, and the rest must
 * hold `prepay_id` and, for H5, `mweb_url`.
 *
 * @param xml - the response body
 * @param options - the API key, the fallback algorithm and the size limit
 * @returns every field received, after the signature verified
 * @throws V2Error `ERR_V2_RETURN_FAIL`, `ERR_V2_RESULT_FAIL`, `ERR_V2_MESSAGE_INVALID`,
 *   `ERR_V2_SIGNATURE_MISSING`, `ERR_V2_SIGNATURE_MISMATCH` and the XML codes
 * @example
 * ```ts
 * const { mweb_url } = parseUnifiedOrderResponse(body, { key });
 * ```
 */
export function parseUnifiedOrderResponse(
  xml: string | Uint8Array,
  options: ParseResponseOptions,
): UnifiedOrderResult {
  const fields = parseResponse(xml, options);
  checkMessage(unifiedOrderResponseSchema, fields, 'unified order response');
  return fields as UnifiedOrderResult;
}
