import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type Sandbox, startSandbox } from '../../src/index.ts';
import { call, merchantOf, orderNumber, v2OrderXml, v3Authorization } from '../helpers/client.ts';
import { sharedConfig } from '../helpers/shared-config.ts';

let clock = Date.now();
let sandbox: Sandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ config: await sharedConfig(), now: () => clock });
  token = sandbox.issueToken(DEFAULT_IDS.qqAppId);
});
afterAll(async () => {
  await sandbox?.close();
});

function proxyUrl(path: string, query: Record<string, string>): string {
  return `${sandbox.qqBaseUrl}/wxpay${path}?${new URLSearchParams(query)}`;
}

async function errcode(path: string, query: Record<string, string>, body: string): Promise<number> {
  const answer = await call(proxyUrl(path, query), { method: 'POST', body });
  return (JSON.parse(answer.body) as { errcode: number }).errcode;
}

function v3Direct(overrides: Record<string, unknown> = {}): string {
  const number = orderNumber();
  return JSON.stringify({
    appid: DEFAULT_IDS.wechatAppId,
    mchid: DEFAULT_IDS.directMchid,
    description: 'refusal test',
    out_trade_no: number,
    notify_url: `https://api.q.qq.com/wxpay/v3/notify/${DEFAULT_IDS.directMchid}/${number}`,
    amount: { total: 1, currency: 'CNY' },
    scene_info: { payer_client_ip: '127.0.0.1', h5_info: { type: 'Wap' } },
    ...overrides,
  });
}

describe("QQ's proxied order endpoints refuse what QQ refuses", () => {
  const app = () => ({ appid: DEFAULT_IDS.qqAppId, access_token: token });
  const direct = () => merchantOf(sandbox, DEFAULT_IDS.directMchid);

  it('40013 for an unknown appid, 40001 for a token not issued to it', async () => {
    const body = v2OrderXml(direct());
    expect(await errcode('/unifiedorder', { appid: '999', access_token: token }, body)).toBe(40013);
    expect(await errcode('/unifiedorder', { ...app(), access_token: 'forged' }, body)).toBe(40001);
    const other = sandbox.issueToken(DEFAULT_IDS.qqAppWithoutPay);
    expect(await errcode('/unifiedorder', { ...app(), access_token: other }, body)).toBe(40001);
  });

  it('41002 without an appid, 41001 without an access token', async () => {
    const body = v2OrderXml(direct());
    expect(await errcode('/unifiedorder', { access_token: token }, body)).toBe(41002);
    expect(await errcode('/unifiedorder', { appid: DEFAULT_IDS.qqAppId }, body)).toBe(41001);
  });

  it('a repeated appid or access_token is refused with 40097, not read as its first copy', async () => {
    const body = v2OrderXml(direct());
    const base = `${sandbox.qqBaseUrl}/wxpay/unifiedorder?`;
    for (const query of [
      `appid=${DEFAULT_IDS.qqAppId}&appid=999&access_token=${token}`,
      `appid=${DEFAULT_IDS.qqAppId}&access_token=${token}&access_token=bad`,
    ]) {
      const answer = await call(`${base}${query}`, { method: 'POST', body });
      expect((JSON.parse(answer.body) as { errcode: number }).errcode).toBe(40097);
    }
  });

  it('42001 once the access token expired', async () => {
    const shortLived = sandbox.issueToken(DEFAULT_IDS.qqAppId);
    clock += 7200 * 1000;
    try {
      const query = { ...app(), access_token: shortLived };
      expect(await errcode('/unifiedorder', query, v2OrderXml(direct()))).toBe(42001);
    } finally {
      clock -= 7200 * 1000;
    }
  });

  it("40097 for a real_notify_url with a query, a fragment, no scheme, or on QQ's own host", async () => {
    for (const bad of [
      'https://shop.example/n?a=1',
      'https://shop.example/n#x',
      'shop.example/n',
      'https://api.q.qq.com/wxpay/notify',
    ]) {
      const query = { ...app(), real_notify_url: bad };
      expect(await errcode('/unifiedorder', query, v2OrderXml(direct()))).toBe(40097);
    }
  });

  it('9034 for a body that does not parse: not XML, another root, not a JSON object', async () => {
    expect(await errcode('/unifiedorder', app(), '{"mch_id":"1"}')).toBe(9034);
    expect(await errcode('/unifiedorder', app(), '<root><mch_id>1</mch_id></root>')).toBe(9034);
    expect(await errcode('/unifiedorder', app(), '<!DOCTYPE x><xml></xml>')).toBe(9034);
    expect(await errcode('/v3/pay/transactions/h5', app(), '<xml></xml>')).toBe(9034);
    expect(await errcode('/v3/pay/transactions/h5', app(), '[1,2]')).toBe(9034);
  });

  it('9030 for a merchant not bound to the app, before 9032 and 9031', async () => {
    const unbound = v2OrderXml(direct(), {
      mch_id: DEFAULT_IDS.unboundMchid,
      notify_url: 'https://x.example/n',
    });
    expect(await errcode('/unifiedorder', app(), unbound)).toBe(9030);
    const partner = JSON.stringify({
      ...JSON.parse(v3Direct()),
      sp_mchid: DEFAULT_IDS.unboundMchid,
    });
    expect(await errcode('/v3/pay/partner/transactions/h5', app(), partner)).toBe(9030);
  });

  it('9032 for an app without WeChat Pay, before 9031', async () => {
    const other = sandbox.issueToken(DEFAULT_IDS.qqAppWithoutPay);
    const query = { appid: DEFAULT_IDS.qqAppWithoutPay, access_token: other };
    const body = v2OrderXml(direct(), { notify_url: 'https://shop.example/notify' });
    expect(await errcode('/unifiedorder', query, body)).toBe(9032);
  });

  it("9031 for a V2 notify_url other than QQ's", async () => {
    const body = v2OrderXml(direct(), { notify_url: 'https://shop.example/notify' });
    expect(await errcode('/unifiedorder', app(), body)).toBe(9031);
  });

  it('9031 for a V3 notify_url naming another merchant or order', async () => {
    const wrongOrder = v3Direct({
      notify_url: `https://api.q.qq.com/wxpay/v3/notify/${DEFAULT_IDS.directMchid}/OTHER000001`,
    });
    expect(await errcode('/v3/pay/transactions/h5', app(), wrongOrder)).toBe(9031);
    const number = orderNumber();
    const v2Style = v3Direct({
      out_trade_no: number,
      notify_url: 'https://api.q.qq.com/wxpay/notify',
    });
    expect(await errcode('/v3/pay/transactions/h5', app(), v2Style)).toBe(9031);
  });

  it('9031 for any V3 notify_url but the exact rule (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.webUrl({ withQueryParameters: false, withFragments: false }),
        async (url) => {
          const number = orderNumber();
          fc.pre(
            url !== `https://api.q.qq.com/wxpay/v3/notify/${DEFAULT_IDS.directMchid}/${number}`,
          );
          const body = v3Direct({ out_trade_no: number, notify_url: url });
          expect(await errcode('/v3/pay/transactions/h5', app(), body)).toBe(9031);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("forwards a V3 order signed over WeChat Pay's path, and 401 for one signed over QQ's URL", async () => {
    const merchant = direct();
    const body = v3Direct();
    const url = proxyUrl('/v3/pay/transactions/h5', app());
    const good = v3Authorization(merchant, 'POST', '/v3/pay/transactions/h5', body);
    const accepted = await call(url, {
      method: 'POST',
      body,
      headers: { Authorization: good, 'Content-Type': 'application/json' },
    });
    expect(accepted.status).toBe(200);
    expect(JSON.parse(accepted.body).h5_url).toMatch(/^https:\/\/wx\.tenpay\.com\//);

    const qqPath = new URL(url).pathname + new URL(url).search;
    const body2 = v3Direct();
    const wrong = v3Authorization(merchant, 'POST', qqPath, body2);
    const refused = await call(url, {
      method: 'POST',
      body: body2,
      headers: { Authorization: wrong },
    });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body).code).toBe('SIGN_ERROR');
    expect(refused.headers.get('wechatpay-signature')).toBeNull();
  });
});
