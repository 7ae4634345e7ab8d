import type { SandboxContext } from '../internal/context.ts';
import type { Incoming, Reply } from '../internal/http-server.ts';
import type { OrderRecord } from './order-store.ts';
import { payOrder } from './pay-order.ts';

/** The path of the page behind `mweb_url` and `h5_url`. */
export const PAY_PAGE_PATH = '/cgi-bin/mmpayweb-bin/checkmweb';

const HTML = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

function page(title: string, main: string): Reply {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.2rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem}
dt{color:#666}.amount{font-size:2rem;margin:1rem 0}
button{font-size:1rem;padding:.6rem 1.4rem;margin-right:.6rem;border-radius:.3rem;border:1px solid #999}
button[value=pay]{background:#07c160;color:#fff;border-color:#07c160}
</style></head><body>
<p><small>qqwxpay sandbox: WeChat Pay H5 stand-in, no real money</small></p>
${main}
</body></html>`;
  return { status: 200, headers: HTML, body };
}

function summary(order: OrderRecord): string {
  const rows: [string, string][] = [
    ['Merchant', order.mchid],
    ['Order', order.outTradeNo],
    ['Description', order.description],
    ['State', order.state],
  ];
  for (const sub of order.subOrders) rows.push([`Sub-order ${sub.outTradeNo}`, yuan(sub.total)]);
  const list = rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  return `<p class="amount" id="amount">${yuan(order.total)}</p><dl>${list}</dl>`;
}

function orderForm(order: OrderRecord): string {
  return `<h1>Confirm payment</h1>${summary(order)}
<form method="post" action="${PAY_PAGE_PATH}">
<input type="hidden" name="prepay_id" value="${escapeHtml(order.prepayId)}">
<button type="submit" name="action" value="pay">Pay</button>
<button type="submit" name="action" value="cancel">Cancel</button>
</form>`;
}

/**
 * The page behind the H5 URL: `GET` shows the order with Pay and Cancel; `POST` with
 * `action=pay` pays the order (and starts its callback), `action=cancel` leaves it unpaid.
 */
export async function payPage(context: SandboxContext, request: Incoming): Promise<Reply> {
  const params =
    request.method === 'POST' ? new URLSearchParams(request.body.toString('utf8')) : request.query;
  const order = context.orders.byPrepayId(params.get('prepay_id') ?? '');
  if (order === undefined) {
    return { ...page('Order not found', '<h1>Order not found</h1>'), status: 404 };
  }
  if (request.method === 'GET') {
    if (order.state !== 'NOTPAY') {
      return page('Payment', `<h1 id="result">This order is ${order.state}</h1>${summary(order)}`);
    }
    return page('Confirm payment', orderForm(order));
  }
  if (request.method !== 'POST') return { status: 405, body: 'method not allowed' };

  const action = params.get('action');
  if (action === 'cancel') {
    return page('Cancelled', `<h1 id="result">Payment cancelled</h1>${summary(order)}`);
  }
  if (action !== 'pay') return { status: 400, body: 'unknown action' };
  if (order.state !== 'NOTPAY') {
    return { ...page('Payment', `<h1 id="result">This order is ${order.state}</h1>`), status: 409 };
  }
  payOrder(context, order);
  return page('Paid', `<h1 id="result">Payment successful</h1>${summary(order)}`);
}
