import {
  createCipheriv,
  createHash,
  createHmac,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
} from 'node:crypto';

/** Every input the operations use, built once per process with fresh test keys. */
export interface Fixtures {
  /** The 32-character V2 API key. */
  v2Key: string;
  /** A unified order of 19 fields with Chinese text, before signing (sign_type MD5). */
  orderMd5: Record<string, string | number>;
  /** The same order with sign_type HMAC-SHA256. */
  orderHmac: Record<string, string | number>;
  /** The MD5 order plus its sign, every value a string: the body of a V2 request. */
  signedOrder: Record<string, string>;
  signMd5: string;
  signHmac: string;
  /** A 24-field V2 payment notification as WeChat sends it (CDATA strings, bare numbers). */
  notificationXml: string;
  /** The same notification with the total changed after signing. */
  notificationXmlTampered: string;
  /** What a parser must return for {@link Fixtures.notificationXml}. */
  notificationFields: Record<string, string>;

  merchant: { mchid: string; serial: string; privateKey: KeyObject; privateKeyPem: string };
  merchantPublicKey: KeyObject;
  platform: { id: string; publicKey: KeyObject; publicKeyPem: string };
  /** A V3 H5 order (about 600 bytes of JSON) for the direct-merchant route. */
  h5Order: Record<string, unknown>;
  h5Body: string;
  h5Path: string;
  h5Url: string;
  authTimestamp: string;
  authNonce: string;

  apiV3Key: string;
  /** A V3 payment callback (about 1.1 KB) with its Wechatpay-* headers, lower-case names. */
  callback: { body: string; headers: Record<string, string> };
  /** The callback with one byte of the body changed after signing. */
  callbackTamperedBody: { body: string; headers: Record<string, string> };
  /** The callback re-signed over a resource whose tag was altered. */
  callbackTamperedTag: { body: string; headers: Record<string, string> };
  resource: { algorithm: string; ciphertext: string; nonce: string; associated_data: string };
  resourceTamperedTag: {
    algorithm: string;
    ciphertext: string;
    nonce: string;
    associated_data: string;
  };
  /** The decrypted resource as text and as the object it encodes. */
  transactionText: string;
  transaction: Record<string, unknown>;

  /** QQ's side of a proxied order. */
  qq: { appId: string; accessToken: string; realNotifyUrl: string };
}

function v2StringToSign(params: Record<string, string | number>, key: string): string {
  const parts: string[] = [];
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (name === 'sign' || value === undefined || value === '') continue;
    parts.push(`${name}=${value}`);
  }
  parts.push(`key=${key}`);
  return parts.join('&');
}

function md5Sign(params: Record<string, string | number>, key: string): string {
  return createHash('md5').update(v2StringToSign(params, key)).digest('hex').toUpperCase();
}

function hmacSign(params: Record<string, string | number>, key: string): string {
  return createHmac('sha256', key).update(v2StringToSign(params, key)).digest('hex').toUpperCase();
}

function notificationXml(fields: Record<string, string>, numeric: ReadonlySet<string>): string {
  let xml = '<xml>';
  for (const [name, value] of Object.entries(fields)) {
    xml += numeric.has(name)
      ? `<${name}>${value}</${name}>`
      : `<${name}><![CDATA[${value}]]></${name}>`;
  }
  return `${xml}</xml>`;
}

function encrypt(plaintext: string, key: string, nonce: string, aad: string): string {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key), Buffer.from(nonce));
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return body.toString('base64');
}

function signedCallback(
  body: string,
  timestamp: string,
  nonce: string,
  serial: string,
  privateKey: KeyObject,
): { body: string; headers: Record<string, string> } {
  const signature = sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`), privateKey);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'request-id': '08F78BB5AF0610D302A5B3D6C2F4C1D1C2B1B2A3A4B5C6D7E8F901234567',
      'wechatpay-nonce': nonce,
      'wechatpay-serial': serial,
      'wechatpay-signature': signature.toString('base64'),
      'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
      'wechatpay-timestamp': timestamp,
    },
  };
}

/** Builds the fixtures: two fresh RSA-2048 key pairs and the messages signed with them. */
export function makeFixtures(): Fixtures {
  const v2Key = '8934e7d15453e97507ef794cf7b0519d';
  const orderMd5: Record<string, string | number> = {
    appid: 'wx2421b1c4370ec43b',
    mch_id: '1900000109',
    nonce_str: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
    sign_type: 'MD5',
    body: '腾讯充值中心-QQ会员充值',
    detail:
      '{"cost_price":888,"goods_detail":[{"goods_id":"QQVIP_12M","goods_name":"QQ会员年卡","quantity":1,"price":888}]}',
    attach: '深圳分店',
    out_trade_no: '20150806125346',
    fee_type: 'CNY',
    total_fee: 888,
    spbill_create_ip: '123.12.12.123',
    time_start: '20091225091010',
    time_expire: '20091227091010',
    goods_tag: 'WXG',
    notify_url: 'https://api.q.qq.com/wxpay/notify',
    trade_type: 'MWEB',
    product_id: '12235413214070356458058',
    limit_pay: 'no_credit',
    scene_info: '{"h5_info":{"type":"Wap","wap_url":"https://pay.qq.com","wap_name":"腾讯充值"}}',
  };
  const orderHmac = { ...orderMd5, sign_type: 'HMAC-SHA256' };
  const signMd5 = md5Sign(orderMd5, v2Key);
  const signHmac = hmacSign(orderHmac, v2Key);
  const signedOrder: Record<string, string> = {};
  for (const [name, value] of Object.entries(orderMd5)) signedOrder[name] = String(value);
  signedOrder.sign = signMd5;

  const numeric = new Set([
    'cash_fee',
    'coupon_count',
    'coupon_fee',
    'coupon_fee_0',
    'settlement_total_fee',
    'total_fee',
  ]);
  const unsigned: Record<string, string> = {
    appid: 'wx2421b1c4370ec43b',
    attach: '深圳分店',
    bank_type: 'CMC',
    cash_fee: '788',
    coupon_count: '1',
    coupon_fee: '100',
    coupon_fee_0: '100',
    coupon_id_0: '10000',
    coupon_type_0: 'CASH',
    device_info: 'WEB',
    fee_type: 'CNY',
    is_subscribe: 'Y',
    mch_id: '1900000109',
    nonce_str: '5d2b6c2a8db53831f7eda20af46e531c',
    openid: 'oUpF8uMEb4qRXf22hE3X68TekukE',
    out_trade_no: '1409811653',
    result_code: 'SUCCESS',
    return_code: 'SUCCESS',
    settlement_total_fee: '888',
    time_end: '20140903131540',
    total_fee: '888',
    trade_type: 'MWEB',
    transaction_id: '1004400740201409030005092168',
  };
  const notificationFields = { ...unsigned, sign: md5Sign(unsigned, v2Key) };
  const tampered = { ...notificationFields, total_fee: '1' };

  const merchantPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platformPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const merchant = {
    mchid: '1900000109',
    serial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    privateKey: merchantPair.privateKey,
    privateKeyPem: merchantPair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  const platform = {
    id: 'PUB_KEY_ID_0119000001092026120400112233000042',
    publicKey: platformPair.publicKey,
    publicKeyPem: platformPair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };

  const h5Order = {
    appid: 'wxd678efh567hg6787',
    mchid: merchant.mchid,
    description: 'Image形象店-深圳腾大-QQ公仔',
    out_trade_no: '1217752501201407033233368018',
    time_expire: '2026-12-06T10:34:56+08:00',
    attach: '自定义数据说明',
    notify_url: `https://api.q.qq.com/wxpay/v3/notify/${merchant.mchid}/1217752501201407033233368018`,
    amount: { total: 100, currency: 'CNY' },
    scene_info: {
      payer_client_ip: '14.23.150.211',
      store_info: {
        id: '0001',
        name: '腾讯大厦分店',
        area_code: '440305',
        address: '广东省深圳市南山区科技中一道10000号',
      },
      h5_info: { type: 'Wap', app_name: '王者荣耀', app_url: 'https://pay.qq.com' },
    },
  };
  const h5Path = '/v3/pay/transactions/h5';

  const apiV3Key = randomBytes(16).toString('hex');
  const transaction = {
    mchid: merchant.mchid,
    appid: 'wxd678efh567hg6787',
    out_trade_no: '1217752501201407033233368018',
    transaction_id: '1217752501201407033233368018',
    trade_type: 'MWEB',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'CMC',
    attach: '自定义数据说明',
    success_time: '2026-12-04T10:34:56+08:00',
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    amount: { total: 100, payer_total: 90, currency: 'CNY', payer_currency: 'CNY' },
    scene_info: { device_id: '013467007045764' },
    promotion_detail: [
      {
        coupon_id: '109519',
        name: '单品惠-6',
        scope: 'SINGLE',
        type: 'DISCOUNT',
        amount: 10,
        currency: 'CNY',
      },
    ],
  };
  const transactionText = JSON.stringify(transaction);
  const gcmNonce = 'fdasflkja484';
  const resource = {
    original_type: 'transaction',
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: encrypt(transactionText, apiV3Key, gcmNonce, 'transaction'),
    associated_data: 'transaction',
    nonce: gcmNonce,
  };
  const tag = Buffer.from(resource.ciphertext, 'base64');
  tag[tag.length - 1]! ^= 1;
  const resourceTamperedTag = { ...resource, ciphertext: tag.toString('base64') };
  const envelope = (res: typeof resource): string =>
    JSON.stringify({
      id: 'EV-2018022511223320873',
      create_time: '2026-12-04T10:34:56+08:00',
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: res,
    });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const cbNonce = 'fdasfwqjaQ82ejsd91kfj3Wfjs82jdsE';
  const callback = signedCallback(
    envelope(resource),
    timestamp,
    cbNonce,
    platform.id,
    platformPair.privateKey,
  );
  const callbackTamperedBody = {
    body: callback.body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCESs'),
    headers: callback.headers,
  };
  const callbackTamperedTag = signedCallback(
    envelope(resourceTamperedTag),
    timestamp,
    cbNonce,
    platform.id,
    platformPair.privateKey,
  );
  const { original_type: _, ...bareResource } = resource;
  const { original_type: __, ...bareTampered } = resourceTamperedTag;

  return {
    v2Key,
    orderMd5,
    orderHmac,
    signedOrder,
    signMd5,
    signHmac,
    notificationXml: notificationXml(notificationFields, numeric),
    notificationXmlTampered: notificationXml(tampered, numeric),
    notificationFields,
    merchant,
    merchantPublicKey: merchantPair.publicKey,
    platform,
    h5Order,
    h5Body: JSON.stringify(h5Order),
    h5Path,
    h5Url: `https://api.mch.weixin.qq.com${h5Path}`,
    authTimestamp: timestamp,
    authNonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
    apiV3Key,
    callback,
    callbackTamperedBody,
    callbackTamperedTag,
    resource: bareResource,
    resourceTamperedTag: bareTampered,
    transactionText,
    transaction,
    qq: {
      appId: '1109876543',
      accessToken: 'ACCESS_TOKEN_kcX1sF9m0Qhd2A7b3vPq8Yz6Lr4Tn5Wj',
      realNotifyUrl: 'https://merchant.example.com/wxpay/v3/notify',
    },
  };
}
