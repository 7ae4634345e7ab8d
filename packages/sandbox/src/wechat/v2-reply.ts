import {
  decodeXml,
  encodeXml,
  nonceStr,
  type SignType,
  sign,
  V2Error,
  verify,
} from '@qqwxpay/codec-v2';
import type { Merchant, SandboxContext } from '../internal/context.ts';
import type { Reply } from '../internal/http-server.ts';

const XML = { 'Content-Type': 'text/xml; charset=utf-8' };

/** WeChat Pay's unsigned `return_code` FAIL answer. */
export function returnFail(message: string): Reply {
  return {
    status: 200,
    headers: XML,
    body: encodeXml({ return_code: 'FAIL', return_msg: message }),
  };
}

/**
 * A signed answer with `return_code` SUCCESS: `result` SUCCESS with the given fields, or FAIL
 * with `err_code` and `err_code_des`.
 */
export function signedAnswer(
  merchant: Merchant,
  request: { appid?: string | undefined; signType: SignType },
  fields: Record<string, string>,
): Reply {
  const params: Record<string, string> = {
    return_code: 'SUCCESS',
    return_msg: 'OK',
    mch_id: merchant.config.mchid,
    nonce_str: nonceStr(),
    ...(request.appid === undefined ? {} : { appid: request.appid }),
    ...fields,
  };
  // WeChat Pay signs with the request's algorithm but does not name it in the answer, so a
  // merchant that forgets to verify with HMAC-SHA256 fails here as it would there.
  const signature = sign(params, merchant.config.apiKey, request.signType);
  return { status: 200, headers: XML, body: encodeXml({ ...params, sign: signature }) };
}

/** A signed `result_code` FAIL answer. */
export function resultFail(
  merchant: Merchant,
  request: { appid?: string | undefined; signType: SignType },
  errCode: string,
  description: string,
): Reply {
  return signedAnswer(merchant, request, {
    result_code: 'FAIL',
    err_code: errCode,
    err_code_des: description,
  });
}

/** A V2 request whose signature held. */
export interface SignedV2Request {
  merchant: Merchant;
  fields: Record<string, string>;
  signType: SignType;
}

/**
 * Reads a V2 request the way WeChat Pay does: XML that parses (`XML格式错误` otherwise), a
 * known `mch_id`, then the signature under the merchant's key (`签名错误`). Answers the FAIL
 * reply instead when one of them does not hold.
 */
export function readSignedV2(context: SandboxContext, body: Buffer): SignedV2Request | Reply {
  let fields: Record<string, string>;
  try {
    fields = decodeXml(body);
  } catch {
    return returnFail('XML格式错误');
  }
  const merchant = context.merchants.get(fields.mch_id ?? '');
  if (merchant === undefined) return returnFail('mch_id参数格式错误');
  const signType = fields.sign_type ?? 'MD5';
  if (signType !== 'MD5' && signType !== 'HMAC-SHA256') return returnFail('签名类型错误');
  try {
    verify(fields, merchant.config.apiKey);
  } catch (error) {
    if (error instanceof V2Error)
      return returnFail(error.code === 'ERR_V2_SIGNATURE_MISSING' ? '缺少参数sign' : '签名错误');
    throw error;
  }
  return { merchant, fields, signType };
}

/** Tells a checked request from a FAIL reply. */
export function isReply(value: SignedV2Request | Reply): value is Reply {
  return 'status' in value;
}
