import type { SandboxContext } from '../internal/context.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import type { OrderApi } from './order-store.ts';
import { v3Certificates } from './v3-certificates.ts';
import { v3H5Order } from './v3-h5-order.ts';
import { isRefundPath, v3Refund } from './v3-refund.ts';
import { v3Error } from './v3-reply.ts';
import { isTransactionPath, v3Transactions } from './v3-transactions.ts';

const ORDER_PATHS: Readonly<Record<string, OrderApi>> = {
  '/v3/pay/transactions/h5': 'v3-h5',
  '/v3/pay/partner/transactions/h5': 'v3-partner-h5',
  '/v3/combine-transactions/h5': 'v3-combine-h5',
};

/** WeChat Pay's V3 endpoints the sandbox plays. */
export async function v3Router(context: SandboxContext, request: Incoming): Promise<Reply> {
  const api = ORDER_PATHS[request.path];
  if (api !== undefined) {
    if (request.method !== 'POST') return v3Error(405, 'METHOD_NOT_ALLOWED', 'POST only');
    return v3H5Order(context, request, api);
  }
  if (request.path === '/v3/certificates') return v3Certificates(context, request);
  if (isTransactionPath(request.path)) return v3Transactions(context, request);
  if (isRefundPath(request.path)) return v3Refund(context, request);
  return v3Error(404, 'NOT_FOUND', 'no such endpoint');
}
