import { getShop } from '../../../../lib/shop.ts';

/** The order as the shop knows it: paid once its callback was handled. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ outTradeNo: string }> },
): Promise<Response> {
  const { outTradeNo } = await params;
  const order = getShop().orders.get(outTradeNo);
  if (order === undefined) return Response.json({ error: 'no such order' }, { status: 404 });
  return Response.json({ outTradeNo, paid: order.handled > 0, ...order });
}
