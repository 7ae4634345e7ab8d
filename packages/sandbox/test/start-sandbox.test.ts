import { decodeXml } from '@qqwxpay/codec-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_IDS,
  type Sandbox,
  SandboxError,
  type SandboxEvent,
  startSandbox,
} from '../src/index.ts';
import { call, merchantOf, orderNumber, v2OrderXml } from './helpers/client.ts';
import { sharedConfig } from './helpers/shared-config.ts';

let sandbox: Sandbox;
const events: SandboxEvent[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    config: await sharedConfig(),
    timeScale: 0.0001,
    onEvent: (e) => events.push(e),
  });
});
afterAll(async () => {
  await sandbox?.close();
});

async function unpaidV2Order(): Promise<{ prepayId: string; number: string }> {
  const number = orderNumber('O');
  const body = v2OrderXml(merchantOf(sandbox, DEFAULT_IDS.directMchid), { out_trade_no: number });
  const answer = await call(`${sandbox.wechatBaseUrl}/pay/unifiedorder`, { method: 'POST', body });
  return { prepayId: decodeXml(answer.body).prepay_id!, number };
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof SandboxError ? error.code : String(error);
  }
  return 'no error';
}

describe('the Sandbox object', () => {
  it('pays once: paying again is ERR_SANDBOX_ORDER_STATE, an unknown order ERR_SANDBOX_ORDER_NOT_FOUND', async () => {
    const { prepayId } = await unpaidV2Order();
    sandbox.pay({ prepayId });
    expect(codeOf(() => sandbox.pay({ prepayId }))).toBe('ERR_SANDBOX_ORDER_STATE');
    expect(codeOf(() => sandbox.pay({ prepayId: 'wx0' }))).toBe('ERR_SANDBOX_ORDER_NOT_FOUND');
    expect(codeOf(() => sandbox.probe({ prepayId }))).toBe('ERR_SANDBOX_ORDER_STATE');
    const unpaid = await unpaidV2Order();
    expect(codeOf(() => sandbox.redeliver(unpaid))).toBe('ERR_SANDBOX_ORDER_STATE');
  });

  it('maps the real origins to loopback and refuses any other', () => {
    expect(sandbox.localUrl('https://api.q.qq.com/api/getToken?a=1')).toBe(
      `${sandbox.qqBaseUrl}/api/getToken?a=1`,
    );
    expect(sandbox.localUrl('https://api.mch.weixin.qq.com/pay/orderquery')).toBe(
      `${sandbox.wechatBaseUrl}/pay/orderquery`,
    );
    expect(() => sandbox.localUrl('https://example.com/')).toThrow(RangeError);
    expect(() => sandbox.issueToken('42')).toThrow(RangeError);
  });

  it('reports events without tokens or bodies', async () => {
    const token = sandbox.issueToken(DEFAULT_IDS.qqAppId);
    await call(
      `${sandbox.qqBaseUrl}/wxpay/unifiedorder?appid=${DEFAULT_IDS.qqAppId}&access_token=${token}`,
      {
        method: 'POST',
        body: 'not xml',
      },
    );
    const seen = events.find((e) => e.side === 'qq' && e.path === '/wxpay/unifiedorder');
    expect(seen).toMatchObject({
      kind: 'request',
      method: 'POST',
      status: 200,
      note: 'errcode 9034',
    });
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it('pays through its control endpoint, as a shell would', async () => {
    const { prepayId, number } = await unpaidV2Order();
    const answer = await call(`${sandbox.wechatBaseUrl}/_sandbox/pay`, {
      method: 'POST',
      body: JSON.stringify({ prepay_id: prepayId }),
    });
    expect(JSON.parse(answer.body)).toMatchObject({ state: 'SUCCESS' });
    expect(sandbox.order({ mchid: DEFAULT_IDS.directMchid, outTradeNo: number })?.state).toBe(
      'SUCCESS',
    );
    const again = await call(`${sandbox.wechatBaseUrl}/_sandbox/pay`, {
      method: 'POST',
      body: JSON.stringify({ prepay_id: prepayId }),
    });
    expect(again.status).toBe(409);
  });

  it('a control request whose body is not JSON naming an order is 400, not "order not found"', async () => {
    for (const body of ['not json', '[]', '"x"', '{}', '{"mchid":1}']) {
      const answer = await call(`${sandbox.wechatBaseUrl}/_sandbox/pay`, { method: 'POST', body });
      expect([body, answer.status]).toEqual([body, 400]);
    }
    const unknown = await call(`${sandbox.wechatBaseUrl}/_sandbox/pay`, {
      method: 'POST',
      body: JSON.stringify({ prepay_id: 'wx-none' }),
    });
    expect(unknown.status).toBe(404);
  });

  it("h5Origin 'local' answers H5 URLs that open the pay page as they are", async () => {
    const local = await startSandbox({ config: await sharedConfig(), h5Origin: 'local' });
    try {
      const body = v2OrderXml(merchantOf(local, DEFAULT_IDS.directMchid));
      const answer = await call(`${local.wechatBaseUrl}/pay/unifiedorder`, {
        method: 'POST',
        body,
      });
      const mwebUrl = decodeXml(answer.body).mweb_url!;
      expect(mwebUrl.startsWith(`${local.wechatBaseUrl}/cgi-bin/mmpayweb-bin/checkmweb?`)).toBe(
        true,
      );
      const page = await call(mwebUrl);
      expect(page.body).toContain('<button type="submit" name="action" value="pay">Pay</button>');
    } finally {
      await local.close();
    }
  });

  it('refuses everything with ERR_SANDBOX_CLOSED once closed', async () => {
    const { prepayId } = await unpaidV2Order();
    const other = await startSandbox({ config: await sharedConfig() });
    await other.close();
    await other.close();
    expect(codeOf(() => other.pay({ prepayId }))).toBe('ERR_SANDBOX_CLOSED');
  });
});
