import { buildOrderQuery, parseResponse } from '@qqwxpay/codec-v2';
import { h5DirectOrder, queryByOutTradeNo, refund, verifyResponse } from '@qqwxpay/codec-v3';
import { buildProxyUrl, parseV3ProxyResponse, QqProxyError } from '@qqwxpay/proxy-url';
import { callbackAbout, type DemoStep, expectThat, orderNumber, yuan } from './step.ts';
import type { DemoWorld, PlacedOrder } from './world.ts';

function placed(world: DemoWorld, key: string): PlacedOrder {
  const order = world.orders.get(key);
  expectThat(order !== undefined, `no ${key} order was placed`);
  return order;
}

/** WeChat Pay sends a paid order's callback again; the merchant acknowledges it and does nothing. */
export const duplicateCallback: DemoStep = {
  title: 'A retried callback is acknowledged once more and ignored',
  async run(world) {
    const order = placed(world, 'direct');
    const mark = world.merchantServer.callbacks.length;
    const delivery = await world.sandbox.redeliver({
      mchid: order.mchid,
      outTradeNo: order.outTradeNo,
    }).settled;
    const record = world.merchantServer.callbacks[mark];
    expectThat(record !== undefined, 'the retry did not reach the merchant');
    expectThat(delivery.acknowledged, `the retry was not acknowledged (HTTP ${record.status})`);
    expectThat(record.event === undefined, 'the merchant processed the same event twice');
    return [
      `same event id again: acknowledged (HTTP ${record.status}), not processed a second time`,
    ];
  },
};

/** Queries straight to WeChat Pay (QQ does not proxy them): V3 and V2. */
export const queries: DemoStep = {
  title: 'Query the orders straight at WeChat Pay',
  async run(world) {
    const direct = placed(world, 'direct');
    const request = world.direct.signer.sign(
      queryByOutTradeNo({ outTradeNo: direct.outTradeNo, mchid: direct.mchid }),
    );
    const v3 = verifyResponse(await world.sender.send(request), { verifiers: world.verifiers });
    const state = (v3.json as { trade_state?: unknown }).trade_state;
    expectThat(state === 'SUCCESS', `V3 query: trade_state ${String(state)}`);

    const v2Order = placed(world, 'v2');
    const v2Request = buildOrderQuery(
      { appid: 'wx0123456789abcdef', mch_id: v2Order.mchid, out_trade_no: v2Order.outTradeNo },
      { key: world.direct.config.apiKey },
    );
    const v2 = parseResponse((await world.sender.send(v2Request)).body, {
      key: world.direct.config.apiKey,
    });
    expectThat(v2.trade_state === 'SUCCESS', `V2 query: trade_state ${v2.trade_state}`);
    return [
      `V3 ${direct.outTradeNo}: SUCCESS, response signature verified`,
      `V2 ${v2Order.outTradeNo}: SUCCESS, response sign verified`,
    ];
  },
};

/** A V3 refund straight to WeChat Pay, and its callback to the merchant's refund address. */
export const refundStep: DemoStep = {
  title: 'Refund straight at WeChat Pay, refund callback decrypted',
  async run(world) {
    const order = placed(world, 'direct');
    const outRefundNo = orderNumber('R');
    const amount = 300;
    const mark = world.merchantServer.callbacks.length;
    const request = world.direct.signer.sign(
      refund({
        out_trade_no: order.outTradeNo,
        out_refund_no: outRefundNo,
        reason: 'demo refund',
        amount: { refund: amount, total: order.total, currency: 'CNY' },
      }),
    );
    const answer = verifyResponse(await world.sender.send(request), { verifiers: world.verifiers });
    const status = (answer.json as { status?: unknown }).status;
    const callback = await callbackAbout(world, outRefundNo, mark);
    expectThat(callback.status < 300, `the merchant answered HTTP ${callback.status}`);
    const event = callback.event;
    expectThat(event?.version === 'v3' && event.kind === 'refund', 'not a V3 refund event');
    expectThat(event.resource.refund_status === 'SUCCESS', 'the refund did not succeed');
    return [
      `${outRefundNo}: ${yuan(amount)} of ${yuan(order.total)}, answered ${String(status)}`,
      `REFUND.SUCCESS callback verified, decrypted, acknowledged (HTTP ${callback.status})`,
    ];
  },
};

/** WeChat Pay's SIGNTEST probe: the merchant must refuse it. */
export const signtestProbe: DemoStep = {
  title: 'A SIGNTEST probe is refused',
  async run(world) {
    const order = placed(world, 'direct');
    const mark = world.merchantServer.callbacks.length;
    const delivery = await world.sandbox.probe({ mchid: order.mchid, outTradeNo: order.outTradeNo })
      .settled;
    const record = world.merchantServer.callbacks[mark];
    expectThat(record !== undefined, 'the probe did not reach the merchant');
    expectThat(
      !delivery.acknowledged && record.event === undefined,
      'the merchant accepted the probe',
    );
    return [
      `refused with HTTP ${record.status} (${record.refusal ?? 'no code'}), nothing processed`,
    ];
  },
};

/** An order whose body carries the merchant's own notify_url: QQ answers 9031. */
export const misconfiguredOrder: DemoStep = {
  title: 'A misconfigured order: QQ answers 9031, with the remedy',
  async run(world) {
    const number = orderNumber('M');
    const signed = world.direct.signer.sign(
      h5DirectOrder({
        appid: 'wx0123456789abcdef',
        mchid: world.direct.config.mchid,
        description: 'QQ mini program demo: misconfigured',
        out_trade_no: number,
        notify_url: 'https://shop.example/pay/notify',
        amount: { total: 100, currency: 'CNY' },
        scene_info: { payer_client_ip: '127.0.0.1', h5_info: { type: 'Wap' } },
      }),
    );
    const url = buildProxyUrl({
      api: 'v3-h5',
      qqAppId: world.qqApp.appId,
      accessToken: world.accessToken,
    });
    const answer = await world.sender.send({ ...signed, url });
    try {
      parseV3ProxyResponse(answer, { verifiers: world.verifiers });
    } catch (error) {
      expectThat(
        error instanceof QqProxyError && error.code === 'ERR_QQ_9031',
        `refused otherwise: ${String(error)}`,
      );
      return [
        "notify_url was the merchant's own address: QQ refused with errcode 9031",
        `remedy: ${error.remedy ?? 'see QQ_ERRORS[9031]'}`,
      ];
    }
    throw new Error('QQ accepted a misconfigured order');
  },
};
