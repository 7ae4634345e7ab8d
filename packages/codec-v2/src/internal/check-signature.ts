import { V2Error } from '../errors.ts';
import { stringToSign } from '../string-to-sign.ts';
import { SIGN_TYPES, type SignType, type V2Fields } from '../types.ts';
import { constantTimeEqual, signatureOf } from './digest.ts';
import { checkFieldBoundaries } from './field-boundaries.ts';
import { checkKey } from './params.ts';
import { signTypeOption } from './sign-type.ts';

/**
 * Checks the `sign` of string fields over every field, with the algorithm named by
 * `sign_type`, else `fallback`, else MD5, then that no value could be split into two fields
 * under the same signature (see checkFieldBoundaries). Throws a V2Error; returns nothing.
 */
export function checkSignature(fields: V2Fields, key: string, fallback: unknown): void {
  checkKey(key);
  const defaultType = signTypeOption(fallback, 'options.signType');

  const received = Object.hasOwn(fields, 'sign') ? fields.sign : undefined;
  if (typeof received !== 'string' || received === '') {
    throw new V2Error('ERR_V2_SIGNATURE_MISSING', 'the message carries no sign', {
      field: 'sign',
    });
  }

  const algorithm = algorithmOf(fields, defaultType);
  const expected = signatureOf(stringToSign(fields, key), key, algorithm);
  if (!constantTimeEqual(expected, received)) {
    throw new V2Error('ERR_V2_SIGNATURE_MISMATCH', `the ${algorithm} signature does not match`, {
      field: 'sign',
    });
  }
  checkFieldBoundaries(fields);
}

function algorithmOf(fields: V2Fields, fallback: SignType): SignType {
  const declared = Object.hasOwn(fields, 'sign_type') ? fields.sign_type : undefined;
  if (declared === undefined || declared === '') return fallback;
  if (SIGN_TYPES.includes(declared as SignType)) return declared as SignType;
  throw new V2Error('ERR_V2_SIGN_TYPE_UNSUPPORTED', 'sign_type names an unknown algorithm', {
    field: 'sign_type',
  });
}
