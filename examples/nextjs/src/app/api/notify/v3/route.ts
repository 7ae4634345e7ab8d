import { getShop } from '../../../../lib/shop.ts';

/** WeChat Pay's payment callback, forwarded by QQ: verified, decrypted, handled once. */
export function POST(request: Request): Promise<Response> {
  return getShop().notify(request);
}
