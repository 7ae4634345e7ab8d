import { encodeXml } from './encode-xml.ts';

const SUCCESS =
  '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>';

/**
 * The answer that tells WeChat Pay a V2 notification was handled, so it stops sending it.
 *
 * @returns `<xml>` with `return_code` SUCCESS and `return_msg` OK
 * @example
 * ```ts
 * response.end(successAck());
 * ```
 */
export function successAck(): string {
  return SUCCESS;
}

/**
 * The answer that tells WeChat Pay a V2 notification was not handled, so it sends it again.
 *
 * @param message - a short reason for `return_msg` (never a secret)
 * @returns `<xml>` with `return_code` FAIL and the reason
 * @throws TypeError when `message` is not a non-empty string XML can carry
 * @example
 * ```ts
 * response.end(failAck('signature mismatch'));
 * ```
 */
export function failAck(message: string): string {
  if (typeof message !== 'string' || message === '') {
    throw new TypeError('message must be a non-empty string');
  }
  return encodeXml({ return_code: 'FAIL', return_msg: message });
}
