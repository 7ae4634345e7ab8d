import { checkSignature } from './internal/check-signature.ts';
import { checkParams } from './internal/params.ts';
import type { SignType, V2Fields } from './types.ts';

/** Options of {@link verify}. */
export interface VerifyOptions {
  /** The algorithm when the fields carry no `sign_type`; MD5 by default. */
  signType?: SignType;
}

/**
 * Verifies the `sign` of received V2 fields over every field received (indexed fields such as
 * `coupon_fee_0` and `sign_type` included) and returns all of them. The algorithm is the
 * `sign_type` field when present, else `options.signType`, else MD5; the comparison runs in
 * constant time. Because V2 joins raw values with `&`, a signature does not fix where a value
 * ends; after it matches, a message is refused when a non-empty value holds `&NAME=` with NAME
 * sorting after its field and before the next non-empty one (for the last field, anywhere
 * after it): such a message may be an authentic one with two fields merged into one.
 *
 * @param fields - the fields exactly as received (for example from {@link decodeXml})
 * @param key - the merchant's API key
 * @param options - the algorithm to assume when `sign_type` is absent
 * @returns a null-prototype copy of every field, `sign` included
 * @throws V2Error `ERR_V2_SIGNATURE_MISSING` when there is no `sign`,
 *   `ERR_V2_SIGN_TYPE_UNSUPPORTED` for a `sign_type` other than MD5 or HMAC-SHA256,
 *   `ERR_V2_SIGNATURE_MISMATCH` when the signature does not match,
 *   `ERR_V2_SIGNATURE_AMBIGUOUS` when a value holds the start of a field that would sort next
 * @throws TypeError when a field value is not a string, or the key is not a non-empty string
 * @example
 * ```ts
 * const fields = verify(decodeXml(body), key);
 * fields.out_trade_no; // a string, exactly as sent
 * ```
 */
export function verify(fields: V2Fields, key: string, options: VerifyOptions = {}): V2Fields {
  checkParams(fields, 'fields');
  const copy: V2Fields = Object.create(null);
  for (const name of Object.keys(fields)) {
    const value: unknown = fields[name];
    if (typeof value !== 'string') {
      throw new TypeError(`fields.${name} must be a string as received, got a ${typeof value}`);
    }
    copy[name] = value;
  }
  checkSignature(copy, key, options.signType);
  return copy;
}
