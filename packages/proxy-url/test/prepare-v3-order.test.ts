import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequestSigner } from '@qqwxpay/codec-v3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildProxyUrl,
  notifyUrlV2,
  notifyUrlV3,
  type ProxyApiV3,
  prepareV3Order,
} from '../src/index.ts';
import {
  combineOrder,
  directOrder,
  makeMerchantKey,
  partnerOrder,
  type TestMerchantKey,
} from './fixtures.ts';

const qqAppId = '1112223334';
const accessToken = 'ACCESS+/=TOKEN';
const serial = '444F4864EA9B34415D6BD8B6E5E8A5D5F6C0D2BA';
const timestamp = '1554208460';
const nonce = '593BEC0C930BF1AFEB40B4A08C8FB242';

let key: TestMerchantKey;
beforeAll(() => {
  key = makeMerchantKey();
});
afterAll(() => key.cleanup());

function attributes(authorization: string): Record<string, string> {
  expect(authorization.startsWith('WECHATPAY2-SHA256-RSA2048 ')).toBe(true);
  return Object.fromEntries(
    [...authorization.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );
}

/** Verifies an RSA-SHA256 signature over `message` with the `openssl` command line. */
function opensslVerifies(message: string, signatureBase64: string, name: string): boolean {
  const messagePath = join(key.dir, `${name}.msg`);
  const signaturePath = join(key.dir, `${name}.sig`);
  writeFileSync(messagePath, message);
  writeFileSync(signaturePath, Buffer.from(signatureBase64, 'base64'));
  const result = spawnSync(
    'openssl',
    ['dgst', '-sha256', '-verify', key.publicKeyPath, '-signature', signaturePath, messagePath],
    { encoding: 'utf8' },
  );
  if (result.error) throw result.error;
  return result.status === 0 && result.stdout.includes('Verified OK');
}

const cases: Array<[ProxyApiV3, Record<string, unknown>, string, string, string]> = [
  ['v3-h5', directOrder, '/v3/pay/transactions/h5', '1230000109', '1217752501201407033233368018'],
  [
    'v3-partner-h5',
    partnerOrder,
    '/v3/pay/partner/transactions/h5',
    '1900000100',
    'P|1217752501*01',
  ],
  ['v3-combine-h5', combineOrder, '/v3/combine-transactions/h5', '1900000109', 'P20150806125346'],
];

describe('prepareV3Order', () => {
  it.each(cases)(
    'prepares a %s order signed over WeChat Pay path %s',
    (api, body, path, mchid, orderNo) => {
      const request = prepareV3Order(api, body, {
        qqAppId,
        accessToken,
        signer: { serial, privateKey: key.privateKey },
        realNotifyUrl: 'https://shop.example.com/pay/v3/notify',
        timestamp,
        nonce,
      });
      const notifyUrl = notifyUrlV3(mchid, orderNo);
      const expectedBody = JSON.stringify({ ...body, notify_url: notifyUrl });

      expect(request.method).toBe('POST');
      expect(request.url).toBe(
        buildProxyUrl({
          api,
          qqAppId,
          accessToken,
          realNotifyUrl: 'https://shop.example.com/pay/v3/notify',
        }),
      );
      expect(request.body).toBe(expectedBody);
      expect(JSON.parse(request.body).notify_url).toBe(notifyUrl);
      expect(request.headers).toMatchObject({
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'User-Agent': 'qqwxpay-proxy-url',
      });

      const attrs = attributes(request.headers.Authorization!);
      expect(attrs).toMatchObject({ mchid, nonce_str: nonce, timestamp, serial_no: serial });
      const signature = attrs.signature!;

      const overWechatPath = `POST\n${path}\n${timestamp}\n${nonce}\n${request.body}\n`;
      expect(opensslVerifies(overWechatPath, signature, `${api}-wechat`)).toBe(true);

      const qqPathAndQuery = request.url.slice('https://api.q.qq.com'.length);
      const overQqUrl = `POST\n${qqPathAndQuery}\n${timestamp}\n${nonce}\n${request.body}\n`;
      expect(opensslVerifies(overQqUrl, signature, `${api}-qq`)).toBe(false);
      const overQqPath = `POST\n/wxpay${path}\n${timestamp}\n${nonce}\n${request.body}\n`;
      expect(opensslVerifies(overQqPath, signature, `${api}-qq-path`)).toBe(false);
    },
  );

  it("moves the body's own notify_url to real_notify_url", () => {
    const request = prepareV3Order('v3-h5', directOrder, {
      qqAppId,
      accessToken: 'T',
      signer: { serial, privateKey: key.privateKey },
    });
    expect(request.url).toBe(
      'https://api.q.qq.com/wxpay/v3/pay/transactions/h5?appid=1112223334&access_token=T' +
        '&real_notify_url=https%3A%2F%2Fshop.example.com%2Fpay%2Fv3%2Fnotify',
    );
    expect(JSON.parse(request.body).notify_url).toBe(
      'https://api.q.qq.com/wxpay/v3/notify/1230000109/1217752501201407033233368018',
    );
  });

  it("keeps QQ's own notify URL in the body and then leaves real_notify_url out", () => {
    const body = {
      ...directOrder,
      notify_url: notifyUrlV3('1230000109', '1217752501201407033233368018'),
    };
    const request = prepareV3Order('v3-h5', body, {
      qqAppId,
      accessToken: 'T',
      signer: { serial, privateKey: key.privateKey },
    });
    expect(request.url).toBe(
      'https://api.q.qq.com/wxpay/v3/pay/transactions/h5?appid=1112223334&access_token=T',
    );
  });

  it('takes a codec-v3 RequestSigner and refuses one for another merchant', () => {
    const same = createRequestSigner({ mchid: '1230000109', serial, privateKey: key.privateKey });
    const request = prepareV3Order('v3-h5', directOrder, {
      qqAppId,
      accessToken,
      signer: same,
      timestamp,
      nonce,
    });
    expect(attributes(request.headers.Authorization!).mchid).toBe('1230000109');

    const other = createRequestSigner({ mchid: '1900000109', serial, privateKey: key.privateKey });
    expect(() =>
      prepareV3Order('v3-h5', directOrder, { qqAppId, accessToken, signer: other }),
    ).toThrow(expect.objectContaining({ code: 'ERR_QQ_PREFLIGHT_MCHID', field: 'mchid' }));
  });

  it('refuses a QQ appid in the body before signing anything', () => {
    expect(() =>
      prepareV3Order(
        'v3-h5',
        { ...directOrder, appid: qqAppId },
        {
          qqAppId,
          accessToken,
          signer: { serial, privateKey: key.privateKey },
        },
      ),
    ).toThrow(expect.objectContaining({ code: 'ERR_QQ_PREFLIGHT_APPID', field: 'appid' }));
  });

  it.each([
    ['a zero amount', { amount: { total: 0, currency: 'CNY' } }, /amount/],
    ['a fractional amount', { amount: { total: 1.5, currency: 'CNY' } }, /amount/],
    ['an order number too long', { out_trade_no: 'x'.repeat(33) }, /out_trade_no/],
    ['an order number with a slash', { out_trade_no: 'a/b' }, /out_trade_no/],
    ['a merchant id that is not digits', { mchid: 'abc' }, /mchid/],
  ])('refuses %s naming the field', (_why, change, field) => {
    expect(() =>
      prepareV3Order(
        'v3-h5',
        { ...directOrder, ...change },
        {
          qqAppId,
          accessToken,
          signer: { serial, privateKey: key.privateKey },
        },
      ),
    ).toThrow(field);
  });

  it('refuses a callback address that breaks the rule, and two that disagree', () => {
    const options = { qqAppId, accessToken, signer: { serial, privateKey: key.privateKey } };
    expect(() =>
      prepareV3Order('v3-h5', { ...directOrder, notify_url: 'https://a.example/n?x=1' }, options),
    ).toThrow(expect.objectContaining({ code: 'ERR_QQ_INVALID_NOTIFY_URL', field: 'notify_url' }));
    expect(() =>
      prepareV3Order('v3-h5', directOrder, {
        ...options,
        realNotifyUrl: 'https://other.example/n',
      }),
    ).toThrow(RangeError);
    expect(() => prepareV3Order('v2-unifiedorder' as never, directOrder, options)).toThrow(
      RangeError,
    );
  });

  it("QQ's V2 notify URL, or another order's V3 one, in a V3 body is refused, not moved to real_notify_url", () => {
    const options = { qqAppId, accessToken, signer: { serial, privateKey: key.privateKey } };
    const mchid = directOrder.mchid as string;
    const orderNo = directOrder.out_trade_no as string;
    for (const notify_url of [
      notifyUrlV2(),
      notifyUrlV3(mchid, `${orderNo}X`),
      'https://api.q.qq.com/elsewhere',
      'https://API.Q.QQ.COM/wxpay/notify',
    ]) {
      expect(() => prepareV3Order('v3-h5', { ...directOrder, notify_url }, options)).toThrow(
        expect.objectContaining({ code: 'ERR_QQ_PREFLIGHT_NOTIFY_URL', errcode: 9031 }),
      );
    }
    const exact = prepareV3Order(
      'v3-h5',
      { ...directOrder, notify_url: notifyUrlV3(mchid, orderNo) },
      options,
    );
    expect(new URL(exact.url).searchParams.has('real_notify_url')).toBe(false);
  });

  it("QQ's own notify URL given as realNotifyUrl is refused", () => {
    expect(() =>
      prepareV3Order('v3-h5', directOrder, {
        qqAppId,
        accessToken,
        signer: { serial, privateKey: key.privateKey },
        realNotifyUrl: 'https://api.q.qq.com/wxpay/notify',
      }),
    ).toThrow(
      expect.objectContaining({ code: 'ERR_QQ_INVALID_NOTIFY_URL', field: 'real_notify_url' }),
    );
  });
});
