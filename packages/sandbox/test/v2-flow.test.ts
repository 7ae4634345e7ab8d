import { verifyXml } from '@qqwxpay/codec-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type Sandbox, startSandbox } from '../src/index.ts';
import { call, merchantOf, v2OrderXml } from './helpers/client.ts';
import { type MerchantEndpoint, startMerchantEndpoint } from './helpers/merchant-endpoint.ts';
import { sharedConfig } from './helpers/shared-config.ts';

describe('a V2 order through QQ, paid, its callback forwarded', () => {
  let sandbox: Sandbox;
  let endpoint: MerchantEndpoint;

  beforeAll(async () => {
    sandbox = await startSandbox({ config: await sharedConfig(), timeScale: 0.0001 });
    endpoint = await startMerchantEndpoint();
  });
  afterAll(async () => {
    await sandbox?.close();
    await endpoint?.close();
  });

  it('issues a token, accepts the order, pays it and forwards the signed callback', async () => {
    const app = sandbox.config.qqApps[0]!;
    const tokenAnswer = await call(
      `${sandbox.qqBaseUrl}/api/getToken?grant_type=client_credential&appid=${app.appId}&secret=${app.secret}`,
    );
    const token = JSON.parse(tokenAnswer.body) as { access_token: string; expires_in: number };
    expect(token.expires_in).toBe(7200);

    const merchant = merchantOf(sandbox, DEFAULT_IDS.directMchid);
    const realNotifyUrl = `${endpoint.url}/pay/notify`;
    const url =
      `${sandbox.qqBaseUrl}/wxpay/unifiedorder?appid=${app.appId}` +
      `&access_token=${token.access_token}&real_notify_url=${encodeURIComponent(realNotifyUrl)}`;
    const body = v2OrderXml(merchant, { out_trade_no: 'V2FLOW0001' });
    const answer = await call(url, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'text/xml' },
    });

    const fields = verifyXml(answer.body, merchant.apiKey);
    expect(fields.result_code).toBe('SUCCESS');
    expect(fields.mweb_url).toMatch(
      /^https:\/\/wx\.tenpay\.com\/cgi-bin\/mmpayweb-bin\/checkmweb\?prepay_id=wx\d{14}/,
    );
    expect(sandbox.payPageUrl(fields.mweb_url!)).toContain(`${sandbox.wechatBaseUrl}/cgi-bin/`);

    const delivery = sandbox.pay({ prepayId: fields.prepay_id! });
    await delivery.settled;
    expect(delivery.acknowledged).toBe(true);
    const [callback] = await endpoint.waitFor(1);
    expect(callback?.path).toBe('/pay/notify');
    const paid = verifyXml(callback!.body, merchant.apiKey);
    expect(paid.out_trade_no).toBe('V2FLOW0001');
    expect(paid.total_fee).toBe('101');
    expect(paid.transaction_id).toMatch(/^\d{28}$/);
  });
});
