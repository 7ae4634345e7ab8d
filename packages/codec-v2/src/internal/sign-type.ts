import { SIGN_TYPES, type SignType, type V2Params } from '../types.ts';

/** Checks a caller-supplied algorithm name, defaulting to MD5. */
export function signTypeOption(value: unknown, name = 'signType'): SignType {
  if (value === undefined) return 'MD5';
  if (SIGN_TYPES.includes(value as SignType)) return value as SignType;
  throw new RangeError(`${name} must be 'MD5' or 'HMAC-SHA256', got ${JSON.stringify(value)}`);
}

/**
 * The algorithm to sign outgoing parameters with: the `sign_type` they carry, else the
 * `signType` argument, else MD5. Both present and different is a caller mistake.
 */
export function outgoingSignType(params: V2Params, signType: unknown): SignType {
  const chosen = signType === undefined ? undefined : signTypeOption(signType);
  const declared = Object.hasOwn(params, 'sign_type') ? params.sign_type : undefined;
  if (declared === undefined || declared === null || declared === '') return chosen ?? 'MD5';
  const fromParams = signTypeOption(declared, 'params.sign_type');
  if (chosen !== undefined && chosen !== fromParams) {
    throw new RangeError(`signType is ${chosen} but params.sign_type is ${fromParams}`);
  }
  return fromParams;
}
