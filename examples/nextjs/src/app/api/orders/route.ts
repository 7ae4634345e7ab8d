import { getShop } from '../../../lib/shop.ts';

/** Places a V3 H5 order through QQ's proxy: `{"total": 888}` → `{ outTradeNo, h5Url }`. */
export async function POST(request: Request): Promise<Response> {
  const { total } = (await request.json()) as { total: number };
  const clientIp = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? '127.0.0.1';
  const placed = await getShop().placeOrder(total, clientIp, new URL(request.url).origin);
  return Response.json(placed, { status: 201 });
}
