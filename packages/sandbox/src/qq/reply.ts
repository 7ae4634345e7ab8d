import type { Reply } from '../internal/http-server.ts';

/** QQ's error codes the sandbox answers, with the text it sends. */
export const QQ_ERRCODES: Readonly<Record<number, string>> = {
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40013: 'invalid appid',
  40097: 'invalid args',
  40125: 'invalid appsecret',
  41001: 'access_token missing',
  41002: 'appid missing',
  42001: 'access_token expired',
  9030: 'merchant not bound to this app',
  9031: 'notify_url error',
  9032: 'wechat pay not enabled for this app',
  9034: 'request body cannot be parsed',
};

/** QQ's JSON envelope, `{"errcode":…,"errmsg":"…"}`, with HTTP 200 as QQ sends it. */
export function qqReply(errcode: number, extra: Record<string, unknown> = {}): Reply {
  const body = JSON.stringify({ errcode, errmsg: QQ_ERRCODES[errcode] ?? '', ...extra });
  return { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body };
}
