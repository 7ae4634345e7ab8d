import {
  getTokenRequest,
  parseGetTokenResponse,
  parseV2ProxyResponse,
  parseV3ProxyResponse,
  prepareV2Order,
  prepareV3Order,
} from '@qqwxpay/proxy-url';
import { payOnPage } from './pay-on-page.ts';
import { callbackAbout, type DemoStep, expectThat, orderNumber, yuan } from './step.ts';
import type { DemoMerchant, DemoWorld } from './world.ts';

const WECHAT_APPID = 'wx0123456789abcdef';
const H5_SCENE = { payer_client_ip: '127.0.0.1', h5_info: { type: 'Wap' } };

function notifyUrl(world: DemoWorld, version: 'v2' | 'v3', merchant: DemoMerchant): string {
  return `${world.merchantServer.url}/notify/${version}/${merchant.config.mchid}`;
}

async function payAndAwait(world: DemoWorld, h5Url: string, number: string): Promise<string> {
  const mark = world.merchantServer.callbacks.length;
  await payOnPage(world, h5Url);
  const callback = await callbackAbout(world, number, mark);
  expectThat(callback.status < 300, `the merchant answered HTTP ${callback.status}`);
  return `callback verified and acknowledged (HTTP ${callback.status}) at ${callback.path}`;
}

/** QQ's `getToken`: the access token every proxied order carries. */
export const getToken: DemoStep = {
  title: "Get QQ's access token",
  async run(world) {
    const answer = await world.sender.send(getTokenRequest(world.qqApp));
    const token = parseGetTokenResponse(answer);
    world.accessToken = token.accessToken;
    return [`access token valid for ${token.expiresIn} s`];
  },
};

/** A V2 unified order through QQ's proxy, paid on the pay page, its callback verified. */
export const v2Order: DemoStep = {
  title: 'V2 order through QQ, paid, callback verified',
  async run(world) {
    const outTradeNo = orderNumber('V2');
    const request = prepareV2Order(
      {
        appid: WECHAT_APPID,
        mch_id: world.direct.config.mchid,
        body: 'QQ mini program demo: green tea',
        out_trade_no: outTradeNo,
        total_fee: 101,
        spbill_create_ip: '127.0.0.1',
        scene_info: { h5_info: { type: 'Wap', wap_url: 'https://shop.example', wap_name: 'shop' } },
      },
      {
        qqAppId: world.qqApp.appId,
        accessToken: world.accessToken,
        key: world.direct.config.apiKey,
        realNotifyUrl: notifyUrl(world, 'v2', world.direct),
      },
    );
    const result = parseV2ProxyResponse(await world.sender.send(request), {
      key: world.direct.config.apiKey,
    });
    world.orders.set('v2', {
      mchid: world.direct.config.mchid,
      outTradeNo,
      total: 101,
      h5Url: result.mwebUrl,
    });
    const paid = await payAndAwait(world, result.mwebUrl, outTradeNo);
    return [`${outTradeNo}: ${yuan(101)}, signed answer verified, mweb_url received`, paid];
  },
};

async function v3Order(
  world: DemoWorld,
  key: string,
  api: 'v3-h5' | 'v3-partner-h5' | 'v3-combine-h5',
  merchant: DemoMerchant,
  body: Record<string, unknown>,
  number: string,
  total: number,
): Promise<string[]> {
  const request = prepareV3Order(api, body, {
    qqAppId: world.qqApp.appId,
    accessToken: world.accessToken,
    signer: merchant.signer,
    realNotifyUrl: notifyUrl(world, 'v3', merchant),
  });
  const result = parseV3ProxyResponse(await world.sender.send(request), {
    verifiers: world.verifiers,
  });
  world.orders.set(key, {
    mchid: merchant.config.mchid,
    outTradeNo: number,
    total,
    h5Url: result.h5Url,
  });
  const paid = await payAndAwait(world, result.h5Url, number);
  return [
    `${number}: ${yuan(total)}, signed over WeChat Pay's path, answer signature verified`,
    `${paid}; resource decrypted`,
  ];
}

/** A V3 direct H5 order through QQ's proxy, paid, its callback verified and decrypted. */
export const v3DirectOrder: DemoStep = {
  title: 'V3 direct order through QQ, paid, callback decrypted',
  run(world) {
    const number = orderNumber('D');
    const body = {
      appid: WECHAT_APPID,
      mchid: world.direct.config.mchid,
      description: 'QQ mini program demo: oolong',
      out_trade_no: number,
      amount: { total: 888, currency: 'CNY' },
      scene_info: H5_SCENE,
    };
    return v3Order(world, 'direct', 'v3-h5', world.direct, body, number, 888);
  },
};

/** A V3 partner (service provider) H5 order through QQ's proxy, paid, callback decrypted. */
export const v3PartnerOrder: DemoStep = {
  title: 'V3 partner order through QQ, paid, callback decrypted',
  run(world) {
    const number = orderNumber('P');
    const sp = world.serviceProvider.config;
    const body = {
      sp_appid: WECHAT_APPID,
      sp_mchid: sp.mchid,
      sub_mchid: sp.subMchids[0],
      description: 'QQ mini program demo: jasmine',
      out_trade_no: number,
      amount: { total: 1200, currency: 'CNY' },
      scene_info: H5_SCENE,
    };
    return v3Order(world, 'partner', 'v3-partner-h5', world.serviceProvider, body, number, 1200);
  },
};

/** A V3 combine H5 order (two sub-orders) through QQ's proxy, paid, callback decrypted. */
export const v3CombineOrder: DemoStep = {
  title: 'V3 combine order through QQ, paid, callback decrypted',
  run(world) {
    const number = orderNumber('C');
    const mchid = world.combine.config.mchid;
    const sub = (n: number, total: number, description: string) => ({
      mchid,
      attach: `sub-order ${n}`,
      amount: { total_amount: total, currency: 'CNY' },
      out_trade_no: `${number}S${n}`,
      description,
    });
    const body = {
      combine_appid: WECHAT_APPID,
      combine_mchid: mchid,
      combine_out_trade_no: number,
      scene_info: H5_SCENE,
      sub_orders: [sub(1, 300, 'teapot'), sub(2, 450, 'tea cups')],
    };
    return v3Order(world, 'combine', 'v3-combine-h5', world.combine, body, number, 750);
  },
};
