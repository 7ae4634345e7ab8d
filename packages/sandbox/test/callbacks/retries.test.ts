import { decodeXml } from '@qqwxpay/codec-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_IDS,
  RETRY_SCHEDULE_SECONDS,
  type Sandbox,
  startSandbox,
} from '../../src/index.ts';
import { call, merchantOf, orderNumber, v2OrderXml } from '../helpers/client.ts';
import {
  type Answerer,
  type MerchantEndpoint,
  startMerchantEndpoint,
} from '../helpers/merchant-endpoint.ts';
import { sharedConfig } from '../helpers/shared-config.ts';

const V2_SUCCESS = '<xml><return_code><![CDATA[SUCCESS]]></return_code></xml>';
const V2_FAIL =
  '<xml><return_code><![CDATA[FAIL]]></return_code><return_msg>busy</return_msg></xml>';

let sandbox: Sandbox;
const endpoints: MerchantEndpoint[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ config: await sharedConfig(), timeScale: 0.00002 });
});
afterAll(async () => {
  await sandbox?.close();
  for (const endpoint of endpoints) await endpoint.close();
});

async function paidThroughQq(answer: Answerer) {
  const endpoint = await startMerchantEndpoint(answer);
  endpoints.push(endpoint);
  const token = sandbox.issueToken(DEFAULT_IDS.qqAppId);
  const realNotifyUrl = encodeURIComponent(`${endpoint.url}/notify`);
  const url = `${sandbox.qqBaseUrl}/wxpay/unifiedorder?appid=${DEFAULT_IDS.qqAppId}&access_token=${token}&real_notify_url=${realNotifyUrl}`;
  const merchant = merchantOf(sandbox, DEFAULT_IDS.directMchid);
  const placed = await call(url, {
    method: 'POST',
    body: v2OrderXml(merchant, { out_trade_no: orderNumber('B') }),
  });
  const prepayId = decodeXml(placed.body).prepay_id!;
  return { endpoint, delivery: sandbox.pay({ prepayId }) };
}

describe("callbacks follow WeChat Pay's retry schedule until acknowledged", () => {
  it('is the documented schedule: 15 s, 15 s, 30 s, 3 min, 10 min, 20 min, 30 min ×3, 1 h, 3 h ×3, 6 h ×2', () => {
    expect(RETRY_SCHEDULE_SECONDS).toEqual([
      15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
    ]);
  });

  it('retries a V2 callback refused three times (HTTP 500, FAIL, not XML) and stops at the first SUCCESS', async () => {
    const answers = [
      { status: 500 },
      { status: 200, body: V2_FAIL },
      { status: 200, body: 'OK' },
      { status: 200, body: V2_SUCCESS },
    ];
    const { endpoint, delivery } = await paidThroughQq(
      (_, i) => answers[i] ?? { status: 200, body: V2_SUCCESS },
    );
    await delivery.settled;
    expect(delivery.acknowledged).toBe(true);
    expect(delivery.attempts.map((a) => a.acknowledged)).toEqual([false, false, false, true]);
    expect(endpoint.received).toHaveLength(4);
    const bodies = new Set(endpoint.received.map((r) => r.body));
    expect(bodies.size).toBe(1);
  });

  it('gives up after the sixteenth attempt when never acknowledged', async () => {
    const { endpoint, delivery } = await paidThroughQq(() => ({ status: 503 }));
    await delivery.settled;
    expect(delivery.acknowledged).toBe(false);
    expect(delivery.attempts).toHaveLength(RETRY_SCHEDULE_SECONDS.length + 1);
    expect(endpoint.received).toHaveLength(RETRY_SCHEDULE_SECONDS.length + 1);
  });

  it('forwards the callback through QQ byte for byte, headers included', async () => {
    const { endpoint, delivery } = await paidThroughQq(() => ({ status: 200, body: V2_SUCCESS }));
    await delivery.settled;
    const [received] = endpoint.received;
    expect(received?.path).toBe('/notify');
    expect(received?.headers['content-type']).toBe('text/xml');
    expect(decodeXml(received!.body).return_code).toBe('SUCCESS');
  });

  it('stops retrying when the sandbox closes', async () => {
    const quick = await startSandbox({ config: await sharedConfig(), timeScale: 0.05 });
    const endpoint = await startMerchantEndpoint(() => ({ status: 500 }));
    endpoints.push(endpoint);
    try {
      const merchant = merchantOf(quick, DEFAULT_IDS.directMchid);
      const number = orderNumber('K');
      const body = v2OrderXml(merchant, {
        out_trade_no: number,
        notify_url: `${endpoint.url}/direct`,
      });
      const placed = await call(`${quick.wechatBaseUrl}/pay/unifiedorder`, {
        method: 'POST',
        body,
      });
      const delivery = quick.pay({ prepayId: decodeXml(placed.body).prepay_id! });
      await endpoint.waitFor(1);
      await quick.close();
      await delivery.settled;
      expect(delivery.acknowledged).toBe(false);
      // The first retry would come 750 ms after the first attempt; none comes once closed.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(endpoint.received).toHaveLength(1);
    } finally {
      await quick.close();
    }
  });
});
