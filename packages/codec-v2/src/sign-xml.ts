import { encodeXml } from './encode-xml.ts';
import { checkParams } from './internal/params.ts';
import { outgoingSignType } from './internal/sign-type.ts';
import { sign } from './sign.ts';
import type { SignType, V2Params, V2Value } from './types.ts';

/**
 * Signs V2 parameters and encodes them with their `sign` as one `<xml>` body. For
 * HMAC-SHA256, `sign_type` is added when absent so the receiver picks the same algorithm.
 *
 * @param params - the parameters (any `sign` among them is replaced)
 * @param key - the merchant's API key
 * @param signType - `'MD5'` or `'HMAC-SHA256'`; else `params.sign_type`, else MD5
 * @returns the XML body
 * @throws TypeError for a value that is not a string or safe integer or that XML cannot carry
 * @throws RangeError for an unknown algorithm, or one that disagrees with `params.sign_type`
 * @example
 * ```ts
 * const body = signXml({ appid, mch_id, out_trade_no, nonce_str: nonceStr() }, key);
 * ```
 */
export function signXml(params: V2Params, key: string, signType?: SignType): string {
  checkParams(params);
  const algorithm = outgoingSignType(params, signType);
  const fields: Record<string, V2Value> = { ...params };
  delete fields.sign;
  if (algorithm === 'HMAC-SHA256') fields.sign_type = 'HMAC-SHA256';
  fields.sign = sign(fields, key, algorithm);
  return encodeXml(fields);
}
