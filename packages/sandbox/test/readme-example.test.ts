import { parseV2ProxyResponse, prepareV2Order } from '@qqwxpay/proxy-url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_IDS, startSandbox } from '../src/index.ts';
import { type MerchantEndpoint, startMerchantEndpoint } from './helpers/merchant-endpoint.ts';

// The README's example, word for word from `test(` on; the README imports from the package name.
let myApp: MerchantEndpoint;
beforeAll(async () => {
  myApp = await startMerchantEndpoint();
});
afterAll(async () => {
  await myApp?.close();
});

test('a V2 order through QQ is paid and its callback reaches my server', async () => {
  const sandbox = await startSandbox({ timeScale: 0.001 });
  const { mchid, apiKey: key } = sandbox.config.merchants[0]!;
  const order = {
    appid: DEFAULT_IDS.wechatAppId,
    mch_id: mchid,
    body: 'Tea',
    out_trade_no: 'ORDER0001',
    total_fee: 100,
    spbill_create_ip: '127.0.0.1',
    scene_info: {
      h5_info: { type: 'Wap' as const, wap_url: 'https://shop.example', wap_name: 'Shop' },
    },
  };
  const accessToken = sandbox.issueToken(DEFAULT_IDS.qqAppId);
  const req = prepareV2Order(order, {
    qqAppId: DEFAULT_IDS.qqAppId,
    accessToken,
    key,
    realNotifyUrl: `${myApp.url}/notify`,
  });
  const res = await fetch(sandbox.localUrl(req.url), {
    method: 'POST',
    headers: req.headers,
    body: req.body,
  });
  const { prepayId } = parseV2ProxyResponse(
    { status: res.status, headers: res.headers, body: await res.text() },
    { key },
  );
  const delivery = await sandbox.pay({ prepayId: prepayId! }).settled;
  expect(delivery.acknowledged).toBe(true);
  await sandbox.close();
});
