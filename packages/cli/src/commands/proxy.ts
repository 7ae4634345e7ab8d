import type { SignType } from '@qqwxpay/codec-v2';
import {
  buildProxyUrl,
  isProxyApi,
  notifyUrlV2,
  notifyUrlV3,
  PROXY_APIS,
  type ProxiedUnifiedOrderParams,
  type ProxyApi,
  prepareV2Order,
  prepareV3Order,
} from '@qqwxpay/proxy-url';
import type { Command, Flags } from '../command.ts';
import { readStdinJsonObject } from '../io.ts';
import { privateKeyFromFlags } from '../keys.ts';
import { UsageError } from '../usage-error.ts';

/** Reads a string flag the dispatcher already required. */
function stringFlag(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string') throw new UsageError(`missing --${name}`);
  return value;
}

/** Reads an optional string flag. */
function optionalFlag(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** Reads `--api` as one of the four proxied endpoints. */
function apiFlag(flags: Flags): ProxyApi {
  const api = stringFlag(flags, 'api');
  if (!isProxyApi(api)) throw new UsageError(`--api must be one of ${PROXY_APIS.join(', ')}`);
  return api;
}

const proxyUrl: Command = {
  words: ['proxy-url'],
  summary: "print QQ's proxy URL for an order endpoint (v2-unifiedorder, v3-h5, …)",
  flags: {
    api: 'string',
    'qq-appid': 'string',
    'access-token': 'string',
    'real-notify-url': 'string',
  },
  required: ['api', 'qq-appid', 'access-token'],
  async run(flags, io) {
    const url = buildProxyUrl({
      api: apiFlag(flags),
      qqAppId: stringFlag(flags, 'qq-appid'),
      accessToken: stringFlag(flags, 'access-token'),
      realNotifyUrl: optionalFlag(flags, 'real-notify-url'),
    });
    io.stdout(`${url}\n`);
    return 0;
  },
};

const notifyUrlV2Command: Command = {
  words: ['notify-url', 'v2'],
  summary: "print QQ's notify URL for V2 orders",
  flags: {},
  async run(_flags, io) {
    io.stdout(`${notifyUrlV2()}\n`);
    return 0;
  },
};

const notifyUrlV3Command: Command = {
  words: ['notify-url', 'v3'],
  summary: "print QQ's notify URL for a V3 order (the mode's merchant id and order number)",
  flags: { mchid: 'string', 'out-trade-no': 'string' },
  required: ['mchid', 'out-trade-no'],
  async run(flags, io) {
    io.stdout(`${notifyUrlV3(stringFlag(flags, 'mchid'), stringFlag(flags, 'out-trade-no'))}\n`);
    return 0;
  },
};

const orderV2: Command = {
  words: ['order', 'v2'],
  summary: "prepare a V2 unified order for QQ's proxy (reads the order as JSON)",
  flags: {
    'qq-appid': 'string',
    'access-token': 'string',
    key: 'string',
    'sign-type': 'string',
    'real-notify-url': 'string',
  },
  required: ['qq-appid', 'access-token', 'key'],
  async run(flags, io) {
    const params = (await readStdinJsonObject(io)) as unknown as ProxiedUnifiedOrderParams;
    const signType = optionalFlag(flags, 'sign-type');
    const realNotifyUrl = optionalFlag(flags, 'real-notify-url');
    const request = prepareV2Order(params, {
      qqAppId: stringFlag(flags, 'qq-appid'),
      accessToken: stringFlag(flags, 'access-token'),
      key: stringFlag(flags, 'key'),
      ...(signType === undefined ? {} : { signType: signType as SignType }),
      ...(realNotifyUrl === undefined ? {} : { realNotifyUrl }),
    });
    io.stdout(`${JSON.stringify(request)}\n`);
    return 0;
  },
};

const orderV3: Command = {
  words: ['order', 'v3'],
  summary: "prepare a V3 H5 order for QQ's proxy, signed over WeChat Pay's path (reads JSON)",
  flags: {
    api: 'string',
    'qq-appid': 'string',
    'access-token': 'string',
    'private-key': 'string',
    passphrase: 'string',
    serial: 'string',
    'real-notify-url': 'string',
    timestamp: 'string',
    nonce: 'string',
  },
  required: ['api', 'qq-appid', 'access-token', 'private-key', 'serial'],
  async run(flags, io) {
    const api = apiFlag(flags);
    if (api === 'v2-unifiedorder') throw new UsageError('order v3 takes a V3 --api; use order v2');
    const body = await readStdinJsonObject(io);
    const privateKey = await privateKeyFromFlags(flags);
    const realNotifyUrl = optionalFlag(flags, 'real-notify-url');
    const timestamp = optionalFlag(flags, 'timestamp');
    const nonce = optionalFlag(flags, 'nonce');
    const request = prepareV3Order(api, body, {
      qqAppId: stringFlag(flags, 'qq-appid'),
      accessToken: stringFlag(flags, 'access-token'),
      signer: { serial: stringFlag(flags, 'serial'), privateKey },
      ...(realNotifyUrl === undefined ? {} : { realNotifyUrl }),
      ...(timestamp === undefined ? {} : { timestamp }),
      ...(nonce === undefined ? {} : { nonce }),
      userAgent: 'qqwxpay-cli',
    });
    io.stdout(`${JSON.stringify(request)}\n`);
    return 0;
  },
};

/** The QQ proxy commands: `proxy-url`, `notify-url v2|v3`, `order v2|v3`. */
export const proxyCommands: readonly Command[] = [
  proxyUrl,
  notifyUrlV2Command,
  notifyUrlV3Command,
  orderV2,
  orderV3,
];
