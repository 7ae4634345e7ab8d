import { decodeXml } from './decode-xml.ts';
import { V2Error } from './errors.ts';
import type { SignType, V2Fields } from './types.ts';
import { verify } from './verify.ts';

/** Options of {@link parseResponse} and the response parsers built on it. */
export interface ParseResponseOptions {
  /** The merchant's API key. */
  key: string;
  /** The algorithm when the response carries no `sign_type`; MD5 by default. */
  signType?: SignType;
  /** The largest body accepted, in UTF-8 bytes; 65,536 by default. */
  maxBytes?: number;
}

/**
 * Reads a V2 API response in WeChat Pay's order: `return_code` other than SUCCESS is a
 * communication failure carrying `return_msg` and no signature; otherwise the signature is
 * verified over every field, then `result_code` FAIL is a business failure carrying
 * `err_code` and `err_code_des`.
 *
 * @param xml - the response body
 * @param options - the API key, the fallback algorithm and the size limit
 * @returns every field, after the signature verified and `result_code` was SUCCESS
 * @throws V2Error `ERR_V2_RETURN_FAIL` (with `returnMsg`), `ERR_V2_RESULT_FAIL` (with
 *   `errCode`, `errCodeDes`), `ERR_V2_MESSAGE_INVALID` when `return_code` or `result_code` is
 *   missing, and every code of {@link decodeXml} and {@link verify}
 * @example
 * ```ts
 * const fields = parseResponse(await response.text(), { key });
 * fields.trade_state; // for an order query
 * ```
 */
export function parseResponse(xml: string | Uint8Array, options: ParseResponseOptions): V2Fields {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('options must be an object holding the key');
  }
  const fields = decodeXml(
    xml,
    options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes },
  );

  const returnCode = fields.return_code;
  if (returnCode === undefined) {
    throw new V2Error('ERR_V2_MESSAGE_INVALID', 'the response carries no return_code', {
      field: 'return_code',
    });
  }
  if (returnCode !== 'SUCCESS') {
    const returnMsg = fields.return_msg ?? '';
    throw new V2Error(
      'ERR_V2_RETURN_FAIL',
      `WeChat Pay answered ${quote(returnCode)}: ${quote(returnMsg)}`,
      {
        field: 'return_code',
        returnMsg,
      },
    );
  }

  const verified = verify(
    fields,
    options.key,
    options.signType === undefined ? {} : { signType: options.signType },
  );
  const resultCode = verified.result_code;
  if (resultCode === undefined) {
    throw new V2Error('ERR_V2_MESSAGE_INVALID', 'the response carries no result_code', {
      field: 'result_code',
    });
  }
  if (resultCode !== 'SUCCESS') {
    const errCode = verified.err_code ?? '';
    const errCodeDes = verified.err_code_des ?? '';
    throw new V2Error(
      'ERR_V2_RESULT_FAIL',
      `WeChat Pay refused: ${quote(errCode)} ${quote(errCodeDes)}`,
      {
        field: 'result_code',
        errCode,
        errCodeDes,
      },
    );
  }
  return verified;
}

/** WeChat's own short text, quoted and cut so it cannot break a log line. */
function quote(text: string): string {
  return JSON.stringify(text.length > 128 ? `${text.slice(0, 128)}…` : text);
}
