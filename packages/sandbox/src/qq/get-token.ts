import { timingSafeEqual } from 'node:crypto';
import type { SandboxContext } from '../internal/context.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import { qqReply } from './reply.ts';

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * QQ's `GET /api/getToken?grant_type=client_credential&appid=…&secret=…`: checks the grant type,
 * the appid and its secret, and issues an access token that expires.
 */
export async function getToken(context: SandboxContext, request: Incoming): Promise<Reply> {
  if (request.method !== 'GET') return { status: 405, body: 'method not allowed' };
  const { query } = request;
  if (query.get('grant_type') !== 'client_credential') return qqReply(40002);

  const app = context.apps.get(query.get('appid') ?? '');
  if (app === undefined) return qqReply(40013);
  if (!same(query.get('secret') ?? '', app.secret)) return qqReply(40125);

  const { accessToken, expiresIn } = context.tokens.issue(app.appId);
  return qqReply(0, { access_token: accessToken, expires_in: expiresIn });
}
