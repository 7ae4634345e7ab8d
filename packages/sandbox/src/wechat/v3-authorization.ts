import { verify } from 'node:crypto';
import type { Merchant, SandboxContext } from '../internal/context.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import { v3Error } from './v3-reply.ts';

const SCHEME = 'WECHATPAY2-SHA256-RSA2048';
const ATTRIBUTE = /\s*([a-z_]+)="([^"]*)"\s*(?:,|$)/y;
const REQUIRED = ['mchid', 'nonce_str', 'timestamp', 'serial_no', 'signature'] as const;
const WINDOW_SECONDS = 300;

function parse(header: string): Record<string, string> | undefined {
  if (!header.startsWith(`${SCHEME} `)) return undefined;
  const rest = header.slice(SCHEME.length + 1);
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  while (ATTRIBUTE.lastIndex < rest.length) {
    const match = ATTRIBUTE.exec(rest);
    if (match === null) return undefined;
    const [, name = '', value = ''] = match;
    if (Object.hasOwn(attributes, name)) return undefined;
    attributes[name] = value;
  }
  return REQUIRED.every((name) => attributes[name] !== undefined) ? attributes : undefined;
}

function signError(message: string): Reply {
  return v3Error(401, 'SIGN_ERROR', message);
}

/**
 * Checks a V3 request's `Authorization` the way WeChat Pay does: the scheme and its five
 * attributes, a known merchant, the serial of its API certificate, a timestamp within five
 * minutes, and the RSA-SHA256 signature over `METHOD\nPATH_AND_QUERY\nTIMESTAMP\nNONCE\nBODY\n`
 * where the path and query are those WeChat Pay received. Answers 401 SIGN_ERROR otherwise.
 */
export function checkAuthorization(context: SandboxContext, request: Incoming): Merchant | Reply {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return signError('Authorization header is missing');
  const attributes = parse(header);
  if (attributes === undefined) return signError('Authorization header is malformed');

  const merchant = context.merchants.get(attributes.mchid ?? '');
  if (merchant === undefined) return signError('mchid in Authorization is unknown');
  if ((attributes.serial_no ?? '').toUpperCase() !== merchant.config.merchantSerial) {
    return signError('serial_no is not the merchant API certificate serial');
  }
  const timestamp = attributes.timestamp ?? '';
  const skew = Math.abs(context.now() / 1000 - Number(timestamp));
  if (!/^\d{1,12}$/.test(timestamp) || !(skew <= WINDOW_SECONDS)) {
    return signError('timestamp is more than 5 minutes away');
  }

  const message = Buffer.concat([
    Buffer.from(`${request.method}\n${request.target}\n${timestamp}\n${attributes.nonce_str}\n`),
    request.body,
    Buffer.from('\n'),
  ]);
  const signature = Buffer.from(attributes.signature ?? '', 'base64');
  if (!verify('sha256', message, merchant.publicKey, signature)) {
    return signError('signature does not match the request as received');
  }
  return merchant;
}
