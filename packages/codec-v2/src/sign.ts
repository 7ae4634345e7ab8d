import { signatureOf } from './internal/digest.ts';
import { checkParams } from './internal/params.ts';
import { outgoingSignType } from './internal/sign-type.ts';
import { stringToSign } from './string-to-sign.ts';
import type { SignType, V2Params } from './types.ts';

/**
 * Signs V2 parameters with MD5 or HMAC-SHA256 and returns the signature in upper-case hex.
 * The algorithm is `signType`, else the parameters' own `sign_type`, else MD5; the two may
 * not disagree, so a signature never uses another algorithm than the one the receiver reads.
 * Values are signed as WeChat Pay's rule says, even one holding `&NAME=`; {@link verify}
 * refuses a message with such a value when NAME would sort next, so keep merchant-chosen
 * values such as `attach` free of that text.
 *
 * @param params - the parameters to sign (`sign` itself is ignored)
 * @param key - the merchant's API key
 * @param signType - `'MD5'` or `'HMAC-SHA256'`
 * @returns 32 (MD5) or 64 (HMAC-SHA256) upper-case hex digits
 * @throws TypeError for a value that is not a string or safe integer, or a bad key
 * @throws RangeError for an unknown algorithm, or one that disagrees with `params.sign_type`
 * @example
 * ```ts
 * const signature = sign({ appid, mch_id, nonce_str, body: 'test' }, key, 'HMAC-SHA256');
 * ```
 */
export function sign(params: V2Params, key: string, signType?: SignType): string {
  checkParams(params);
  const algorithm = outgoingSignType(params, signType);
  return signatureOf(stringToSign(params, key), key, algorithm);
}
