import { createCipheriv, createDecipheriv } from 'node:crypto';
import { V2Error } from './errors.ts';
import { md5Hex } from './internal/digest.ts';
import { checkKey } from './internal/params.ts';
import { scanFlatXml } from './internal/scan-flat-xml.ts';
import { writeFlatXml } from './internal/write-flat-xml.ts';
import type { V2Fields, V2Params } from './types.ts';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const MAX_REQ_INFO_CHARS = 65_536;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Derives the AES-256 key of refund notifications: the lower-case hex MD5 of the API key,
 * taken as 32 ASCII bytes.
 *
 * @param key - the merchant's API key
 * @returns the 32-byte AES key
 * @throws TypeError when `key` is not a non-empty string
 * @example
 * ```ts
 * refundInfoKey(key).length; // 32
 * ```
 */
export function refundInfoKey(key: string): Buffer {
  checkKey(key);
  return Buffer.from(md5Hex(key), 'ascii');
}

/**
 * Decrypts the `req_info` of a refund notification (base64 of AES-256-ECB with PKCS#7
 * padding) and decodes the `<root>` XML inside. ECB carries no tag: a wrong key is detected
 * through bad padding or plaintext that is not UTF-8, both reported alike; plaintext that
 * decrypted cleanly but is not flat `<root>` XML gets the XML codes, since the key was right.
 *
 * @param reqInfo - the `req_info` value, base64
 * @param key - the merchant's API key
 * @returns the refund's fields, as strings
 * @throws V2Error `ERR_V2_REQ_INFO_MALFORMED` when `reqInfo` is not base64 of whole AES
 *   blocks, `ERR_V2_DECRYPT_FAILED` when its padding or UTF-8 is wrong under this key
 * @throws V2Error the XML codes (`ERR_V2_XML_DOCTYPE`, `ERR_V2_XML_ROOT`, `ERR_V2_XML_MALFORMED`,
 *   …) when it decrypts cleanly to something that is not flat `<root>` XML
 * @throws TypeError when an argument is not a string
 * @example
 * ```ts
 * const refund = decryptRefundInfo(notification.req_info, key);
 * refund.refund_status; // 'SUCCESS'
 * ```
 */
export function decryptRefundInfo(reqInfo: string, key: string): V2Fields {
  if (typeof reqInfo !== 'string') throw new TypeError('reqInfo must be a base64 string');
  const aesKey = refundInfoKey(key);
  if (reqInfo.length > MAX_REQ_INFO_CHARS || !BASE64.test(reqInfo)) {
    throw new V2Error('ERR_V2_REQ_INFO_MALFORMED', 'req_info is not base64 within 64 KiB', {
      field: 'req_info',
    });
  }
  const ciphertext = Buffer.from(reqInfo, 'base64');
  if (ciphertext.length === 0 || ciphertext.length % 16 !== 0) {
    throw new V2Error('ERR_V2_REQ_INFO_MALFORMED', 'req_info is not whole AES blocks', {
      field: 'req_info',
    });
  }

  let text: string;
  try {
    const decipher = createDecipheriv('aes-256-ecb', aesKey, null);
    text = utf8.decode(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
  } catch (cause) {
    throw new V2Error('ERR_V2_DECRYPT_FAILED', 'req_info does not decrypt under this key', {
      field: 'req_info',
      cause,
    });
  }
  return scanFlatXml(text, 'root');
}

/**
 * Encrypts refund fields the way WeChat Pay does in `req_info`: `<root>` XML, AES-256-ECB,
 * PKCS#7, base64. Meant for tests and the sandbox.
 *
 * @param fields - the refund's fields
 * @param key - the merchant's API key
 * @returns the base64 `req_info`
 * @throws TypeError for a value that is not a string or safe integer or that XML cannot carry
 * @example
 * ```ts
 * const reqInfo = encryptRefundInfo({ out_refund_no: 'R1', refund_status: 'SUCCESS' }, key);
 * ```
 */
export function encryptRefundInfo(fields: V2Params, key: string): string {
  const aesKey = refundInfoKey(key);
  const xml = writeFlatXml(fields, 'root', 'fields');
  const cipher = createCipheriv('aes-256-ecb', aesKey, null);
  return Buffer.concat([cipher.update(xml, 'utf8'), cipher.final()]).toString('base64');
}
