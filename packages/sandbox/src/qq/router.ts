import type { SandboxContext } from '../internal/context.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import { forwardNotify, isNotifyPath } from './forward-notify.ts';
import { getToken } from './get-token.ts';
import { isProxyOrderPath, proxyOrder } from './proxy-order.ts';
import { qqReply } from './reply.ts';

/**
 * QQ's backend: `getToken`, the four proxied order endpoints and the two notify endpoints. A
 * query naming one parameter twice (`appid=A&appid=B`) is refused with 40097 before anything
 * reads it, as `parseProxyUrl` refuses it, so no side can take one copy while another takes the
 * other.
 */
export async function qqRouter(context: SandboxContext, request: Incoming): Promise<Reply> {
  let reply: Reply;
  if (hasRepeatedParameter(request.query)) reply = qqReply(40097);
  else if (request.path === '/api/getToken') reply = await getToken(context, request);
  else if (isProxyOrderPath(request.path)) reply = await proxyOrder(context, request);
  else if (isNotifyPath(request.path)) reply = await forwardNotify(context, request);
  else reply = { status: 404, body: 'not found' };
  context.emit({
    side: 'qq',
    kind: 'request',
    method: request.method,
    path: request.path,
    status: reply.status,
    note: qqNote(reply),
  });
  return reply;
}

function hasRepeatedParameter(query: URLSearchParams): boolean {
  const seen = new Set<string>();
  for (const name of query.keys()) {
    if (seen.has(name)) return true;
    seen.add(name);
  }
  return false;
}

function qqNote(reply: Reply): string | undefined {
  if (typeof reply.body !== 'string' || !reply.body.startsWith('{"errcode":')) return undefined;
  const errcode = /^\{"errcode":(-?\d+)/.exec(reply.body)?.[1];
  return errcode === '0' ? undefined : `errcode ${errcode}`;
}
