import { encodeXml } from '../encode-xml.ts';
import type { HttpRequest } from '../http-request.ts';
import { nonceStr } from '../nonce-str.ts';
import { sign } from '../sign.ts';
import type { SignType, V2Fields, V2Params } from '../types.ts';
import { parseParams } from './check-schema.ts';
import { nonce } from './field-schemas.ts';
import { checkKey } from './params.ts';
import { outgoingSignType } from './sign-type.ts';

/** Signing options every V2 request builder takes. */
export interface SignOptions {
  /** The merchant's API key. */
  key: string;
  /** `'MD5'` (default) or `'HMAC-SHA256'`; `sign_type` is written for HMAC-SHA256. */
  signType?: SignType;
  /** The `nonce_str` to use when the parameters carry none; random by default. */
  nonceStr?: string;
}

/** Adds `nonce_str` and `sign_type` as needed, signs, and returns the fields and the XML. */
export function signFields(
  params: V2Params,
  options: SignOptions,
): { fields: V2Fields; xml: string } {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('options must be an object holding the key');
  }
  checkKey(options.key, 'options.key');
  const algorithm = outgoingSignType(params, options.signType);

  const fields: V2Fields = Object.create(null);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') fields[name] = String(value);
  }
  if (fields.nonce_str === undefined) {
    fields.nonce_str = parseParams(nonce, options.nonceStr ?? nonceStr(), 'options.nonceStr');
  }
  if (algorithm === 'HMAC-SHA256') fields.sign_type = algorithm;
  delete fields.sign;

  fields.sign = sign(fields, options.key, algorithm);
  return { fields, xml: encodeXml(fields) };
}

/** A POST of signed XML to one of WeChat Pay's endpoints. */
export function xmlPost(url: string, xml: string): HttpRequest {
  return { method: 'POST', url, headers: { 'Content-Type': 'text/xml; charset=utf-8' }, body: xml };
}
