import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  buildUnifiedOrder,
  decryptRefundInfo,
  encodeXml,
  parsePaymentNotification,
  signXml,
  verifyXml,
} from '@qqwxpay/codec-v2';
import {
  buildAuthorization,
  createRequestSigner,
  decryptField,
  decryptResource,
  encryptResource,
  loadPrivateKey,
  signResponse,
} from '@qqwxpay/codec-v3';
import { createNotificationHandler, verifyV3Notification } from '@qqwxpay/notify-verify';
import {
  buildProxyUrl,
  getTokenRequest,
  parseGetTokenResponse,
  parseProxyUrl,
  prepareV2Order,
  prepareV3Order,
  TokenCache,
} from '@qqwxpay/proxy-url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOW, platform } from '../support/keys.ts';
import { findLeak, pemPieces, secretPieces } from '../support/leak-scan.ts';
import { fuzzRuns, longRun } from '../support/tally.ts';

const leakRuns = Math.max(25, Math.floor(fuzzRuns(25) / 20));

interface Secrets {
  v2Key: string;
  apiV3Key: string;
  privatePem: string;
  passphrase: string;
  accessToken: string;
  qqSecret: string;
  /** Where in the PEM body a corruption goes. */
  cut: number;
}

const alnum = (min: number, max: number) =>
  fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
    minLength: min,
    maxLength: max,
  });

const pool = Array.from({ length: 3 }, () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey;
});

const secrets: fc.Arbitrary<Secrets & { key: KeyObject }> = fc
  .record({
    v2Key: alnum(32, 32),
    apiV3Key: alnum(32, 32),
    keyIndex: fc.nat({ max: pool.length - 1 }),
    passphrase: alnum(12, 24),
    accessToken: fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'),
      minLength: 24,
      maxLength: 96,
    }),
    qqSecret: alnum(32, 32),
    cut: fc.nat(),
  })
  .map(({ keyIndex, ...rest }) => {
    const key = pool[keyIndex] as KeyObject;
    return {
      ...rest,
      key,
      privatePem: key.export({ type: 'pkcs8', format: 'pem' }) as string,
    };
  });

type Scenario = [
  name: string,
  kinds: (keyof Secrets)[],
  run: (s: Secrets & { key: KeyObject }) => unknown,
];

const body = (pem: string) => pem.split('\n').filter((l) => l && !l.startsWith('-----'));
const corrupt = (pem: string, cut: number) => {
  const lines = pem.split('\n');
  const i = 1 + (cut % Math.max(1, lines.length - 3));
  const line = lines[i] ?? '';
  lines[i] = `${line.slice(0, 10)}!${line.slice(11)}`;
  return lines.join('\n');
};

const scenarios: Scenario[] = [
  [
    'verifyXml, bad signature',
    ['v2Key'],
    (s) => verifyXml(signXml({ a: '1' }, `${s.v2Key}x`), s.v2Key),
  ],
  [
    'verifyXml, key with a lone surrogate',
    ['v2Key'],
    (s) => verifyXml('<xml/>', `${s.v2Key}\uD800`),
  ],
  ['decryptRefundInfo, wrong key', ['v2Key'], (s) => decryptRefundInfo('A'.repeat(44), s.v2Key)],
  [
    'parsePaymentNotification, bad signature',
    ['v2Key'],
    (s) =>
      parsePaymentNotification(encodeXml({ return_code: 'SUCCESS', sign: 'X' }), { key: s.v2Key }),
  ],
  ['signXml, bad value', ['v2Key'], (s) => signXml({ a: {} as unknown as string }, s.v2Key)],
  [
    'buildUnifiedOrder, bad params',
    ['v2Key'],
    (s) => buildUnifiedOrder({ body: '' } as never, { key: s.v2Key }),
  ],
  [
    'prepareV2Order, bad params',
    ['v2Key', 'accessToken'],
    (s) =>
      prepareV2Order({ total_fee: 1.5 } as never, {
        qqAppId: '1110000000',
        accessToken: s.accessToken,
        key: s.v2Key,
      }),
  ],
  [
    'decryptResource, wrong key',
    ['apiV3Key'],
    (s) => decryptResource(encryptResource('{}', 'k'.repeat(32)), s.apiV3Key),
  ],
  [
    'decryptResource, key with a newline',
    ['apiV3Key'],
    (s) => decryptResource(encryptResource('{}', s.apiV3Key), `${s.apiV3Key}\n`),
  ],
  [
    'encryptResource, bad nonce',
    ['apiV3Key'],
    (s) => encryptResource('{}', s.apiV3Key, { nonce: 'short' }),
  ],
  [
    'verifyV3Notification, wrong key',
    ['apiV3Key'],
    (s) => {
      const { pub, verifiers } = platform();
      const envelope = JSON.stringify({
        id: 'E1',
        event_type: 'TRANSACTION.SUCCESS',
        resource: encryptResource('{}', 'k'.repeat(32)),
      });
      const headers = signResponse({
        body: envelope,
        privateKey: pub.privateKey,
        serial: pub.serial,
        timestamp: NOW,
      });
      return verifyV3Notification(
        { body: envelope, headers },
        { apiV3Key: s.apiV3Key, verifiers, now: NOW },
      );
    },
  ],
  [
    'verifyV3Notification, key of 33 bytes',
    ['apiV3Key'],
    (s) =>
      verifyV3Notification(
        { body: '{}', headers: {} },
        { apiV3Key: `${s.apiV3Key}=`, verifiers: platform().verifiers },
      ),
  ],
  [
    'loadPrivateKey, corrupted PEM',
    ['privatePem'],
    (s) => loadPrivateKey(corrupt(s.privatePem, s.cut)),
  ],
  [
    'loadPrivateKey, truncated PEM',
    ['privatePem'],
    (s) => loadPrivateKey(s.privatePem.slice(0, 200 + (s.cut % 1000))),
  ],
  [
    'loadPrivateKey, PEM body without armour',
    ['privatePem'],
    (s) => loadPrivateKey(body(s.privatePem).join('\n')),
  ],
  [
    'loadPrivateKey, wrong passphrase',
    ['privatePem', 'passphrase'],
    (s) =>
      loadPrivateKey(
        s.key.export({
          type: 'pkcs8',
          format: 'pem',
          cipher: 'aes-256-cbc',
          passphrase: s.passphrase,
        }) as string,
        { passphrase: `${s.passphrase}x` },
      ),
  ],
  [
    'loadPrivateKey, truncated DER',
    ['privatePem', 'passphrase'],
    (s) => {
      const der = s.key.export({ type: 'pkcs8', format: 'der' });
      return loadPrivateKey(der.subarray(0, der.length - 1 - (s.cut % 600)), {
        passphrase: s.passphrase,
      });
    },
  ],
  [
    'buildAuthorization, PEM where a KeyObject belongs',
    ['privatePem'],
    (s) =>
      buildAuthorization({
        mchid: '1230000109',
        serial: 'AB',
        privateKey: s.privatePem as never,
        method: 'GET',
        url: '/v3/certificates',
      }),
  ],
  [
    'buildAuthorization, bad mchid',
    ['privatePem'],
    (s) =>
      buildAuthorization({
        mchid: 'a b"',
        serial: 'AB',
        privateKey: s.key,
        method: 'GET',
        url: '/v3/certificates',
      }),
  ],
  [
    'createRequestSigner, PEM where a KeyObject belongs',
    ['privatePem'],
    (s) =>
      createRequestSigner({ mchid: '1230000109', serial: 'AB', privateKey: s.privatePem as never }),
  ],
  [
    'signResponse, PEM where a KeyObject belongs',
    ['privatePem'],
    (s) => signResponse({ body: '{}', privateKey: s.privatePem as never, serial: 'AB' }),
  ],
  ['decryptField, not a ciphertext', ['privatePem'], (s) => decryptField('QUFBQQ==', s.key)],
  [
    'prepareV3Order, bad body',
    ['privatePem', 'accessToken'],
    (s) =>
      prepareV3Order('v3-h5', { amount: { total: 0.5 } }, {
        qqAppId: '1110000000',
        accessToken: s.accessToken,
        signer: createRequestSigner({ mchid: '1230000109', serial: 'AB', privateKey: s.key }),
      } as never),
  ],
  [
    'buildProxyUrl, token with a lone surrogate',
    ['accessToken'],
    (s) =>
      buildProxyUrl({ api: 'v3-h5', qqAppId: '1110000000', accessToken: `${s.accessToken}\uD800` }),
  ],
  [
    'buildProxyUrl, WeChat appid as QQ appid',
    ['accessToken'],
    (s) =>
      buildProxyUrl({ api: 'v3-h5', qqAppId: 'wx2421b1c4370ec43b', accessToken: s.accessToken }),
  ],
  [
    'buildProxyUrl, bad real_notify_url',
    ['accessToken'],
    (s) =>
      buildProxyUrl({
        api: 'v2-unifiedorder',
        qqAppId: '1110000000',
        accessToken: s.accessToken,
        realNotifyUrl: 'ftp://x/?q=1',
      }),
  ],
  [
    'parseProxyUrl, unknown path',
    ['accessToken'],
    (s) =>
      parseProxyUrl(
        `https://api.q.qq.com/wxpay/unknown?appid=1110000000&access_token=${s.accessToken}`,
      ),
  ],
  [
    'parseProxyUrl, other host',
    ['accessToken'],
    (s) =>
      parseProxyUrl(`https://127.0.0.1/wxpay/unifiedorder?appid=1&access_token=${s.accessToken}`),
  ],
  [
    'parseGetTokenResponse, bad expires_in',
    ['accessToken'],
    (s) =>
      parseGetTokenResponse({
        status: 200,
        headers: {},
        body: `{"access_token":"${s.accessToken}","expires_in":"soon"}`,
      }),
  ],
  [
    'parseGetTokenResponse, unquoted token',
    ['accessToken'],
    (s) =>
      parseGetTokenResponse({
        status: 200,
        headers: {},
        body: `{"access_token":${s.accessToken},"expires_in":7200}`,
      }),
  ],
  [
    'parseGetTokenResponse, HTTP 500 with a token',
    ['accessToken'],
    (s) =>
      parseGetTokenResponse({
        status: 500,
        headers: {},
        body: `{"access_token":"${s.accessToken}"}`,
      }),
  ],
  [
    'getTokenRequest, WeChat appid',
    ['qqSecret'],
    (s) => getTokenRequest({ appId: 'wx2421b1c4370ec43b', secret: s.qqSecret }),
  ],
  [
    'TokenCache, constructor with a bad appid',
    ['qqSecret'],
    (s) =>
      new TokenCache({
        appId: 'x',
        secret: s.qqSecret,
        fetch: async () => {
          throw new Error('unreachable');
        },
      }),
  ],
];

const asyncScenarios: Scenario[] = [
  [
    'TokenCache.get, QQ refuses',
    ['qqSecret'],
    (s) =>
      new TokenCache({
        appId: '1110000000',
        secret: s.qqSecret,
        fetch: async () => ({
          status: 200,
          headers: new Headers(),
          text: async () => '{"errcode":40125,"errmsg":"invalid appsecret"}',
        }),
      }).get(),
  ],
  [
    'TokenCache.get, fetch fails',
    ['qqSecret'],
    (s) =>
      new TokenCache({
        appId: '1110000000',
        secret: s.qqSecret,
        fetch: async () => ({
          status: 502,
          headers: new Headers(),
          text: async () => 'Bad Gateway',
        }),
      }).get(),
  ],
  [
    'notification handler, wrong V2 key',
    ['v2Key'],
    async (s) => {
      const refusals: unknown[] = [];
      const handle = createNotificationHandler({
        version: 'v2',
        key: s.v2Key,
        onEvent: () => undefined,
        onRefuse: (e) => refusals.push(e),
      });
      const response = await handle({
        body: signXml({ return_code: 'SUCCESS', a: '1' }, `${s.v2Key}x`),
        headers: {},
      });
      throw Object.assign(new Error('collected'), { response, refusals });
    },
  ],
];

/** Scenarios that show an open finding (../../FINDINGS.md), pinned under ../../findings/. */
const OPEN: Record<string, string> = {};

function piecesOf(s: Secrets, kinds: readonly (keyof Secrets)[]): string[] {
  return kinds.flatMap((kind) =>
    kind === 'privatePem' ? pemPieces(s.privatePem) : secretPieces(String(s[kind])),
  );
}

describe('no secret in any error', () => {
  it(
    'keeps keys, PEMs, passphrases, tokens and the QQ secret out of every thrown error',
    async () => {
      const threw = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(secrets, async (s) => {
          for (const [name, kinds, run] of [...scenarios, ...asyncScenarios]) {
            let thrown: unknown;
            try {
              await run(s);
            } catch (error) {
              thrown = error;
            }
            if (thrown === undefined) continue;
            threw.set(name, (threw.get(name) ?? 0) + 1);
            if (OPEN[name] !== undefined) continue;
            const leak = findLeak(thrown, piecesOf(s, kinds));
            expect(leak, `${name} leaked part of ${kinds.join('/')}`).toBeUndefined();
          }
        }),
        { numRuns: leakRuns },
      );
      const silent = [...scenarios, ...asyncScenarios]
        .map(([name]) => name)
        .filter((name) => !threw.has(name));
      expect(silent, 'scenarios that never threw, so checked nothing').toEqual([]);
    },
    longRun ? 3_600_000 : 60_000,
  );
});
