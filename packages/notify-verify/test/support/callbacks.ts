import { encryptRefundInfo, signXml } from '@qqwxpay/codec-v2';
import { encryptResource, signResponse } from '@qqwxpay/codec-v3';
import type { PlatformKey } from './keys.ts';

export const API_V3_KEY = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6';
export const API_KEY = 'x9Y8w7V6u5T4s3R2q1P0o9N8m7L6k5J4';
/**
 * The clock every test of a run agrees on: an hour from now, inside the validity of the test
 * certificates that openssl makes during the run (valid from the moment they are made).
 */
export const NOW: number = Math.floor(Date.now() / 1000) + 3_600;

/** A payment resource as WeChat Pay sends it in TRANSACTION.SUCCESS. */
export function transaction(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appid: 'wxd678efh567hg6787',
    mchid: '1230000109',
    out_trade_no: 'T20251204000001',
    transaction_id: '4200001234202512041234567890',
    trade_type: 'MWEB',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'CMC',
    attach: '',
    success_time: '2025-12-04T08:00:00+08:00',
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    amount: { total: 9900, payer_total: 9900, currency: 'CNY', payer_currency: 'CNY' },
    ...overrides,
  };
}

/** A refund resource as WeChat Pay sends it in REFUND.*. */
export function refundResource(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    mchid: '1230000109',
    transaction_id: '4200001234202512041234567890',
    out_trade_no: 'T20251204000001',
    refund_id: '50000000382019052709732678859',
    out_refund_no: 'R20251204000001',
    refund_status: 'SUCCESS',
    success_time: '2025-12-04T09:00:00+08:00',
    user_received_account: '招商银行信用卡0403',
    amount: { total: 9900, refund: 900, payer_total: 9900, payer_refund: 900 },
    ...overrides,
  };
}

/** A combine-payment resource. */
export function combineTransaction(): Record<string, unknown> {
  return {
    combine_appid: 'wxd678efh567hg6787',
    combine_mchid: '1230000109',
    combine_out_trade_no: 'C20251204000001',
    combine_payer_info: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    sub_orders: [
      {
        mchid: '1230000109',
        trade_type: 'MWEB',
        trade_state: 'SUCCESS',
        bank_type: 'CMC',
        attach: '',
        success_time: '2025-12-04T08:00:00+08:00',
        transaction_id: '4200001234202512041234567891',
        out_trade_no: 'S20251204000001',
        amount: { total_amount: 5000, currency: 'CNY', payer_amount: 5000, payer_currency: 'CNY' },
      },
      {
        mchid: '1230000109',
        trade_type: 'MWEB',
        trade_state: 'SUCCESS',
        bank_type: 'CMC',
        attach: '',
        success_time: '2025-12-04T08:00:00+08:00',
        transaction_id: '4200001234202512041234567892',
        out_trade_no: 'S20251204000002',
        amount: { total_amount: 4900, currency: 'CNY', payer_amount: 4900, payer_currency: 'CNY' },
      },
    ],
  };
}

/** The body and headers of a signed V3 callback. */
export interface V3Callback {
  body: string;
  headers: Record<string, string>;
}

/** Builds an authentic V3 callback: resource encrypted with the APIv3 key, body signed. */
export function v3Callback(
  key: PlatformKey,
  options: {
    id?: string;
    eventType?: string;
    resource?: Record<string, unknown>;
    timestamp?: number;
    apiV3Key?: string;
  } = {},
): V3Callback {
  const eventType = options.eventType ?? 'TRANSACTION.SUCCESS';
  const originalType = eventType.startsWith('REFUND') ? 'refund' : 'transaction';
  const resource = encryptResource(
    JSON.stringify(options.resource ?? transaction()),
    options.apiV3Key ?? API_V3_KEY,
    { associatedData: originalType },
  );
  const envelope = {
    id: options.id ?? 'EV-2018022511223320873',
    create_time: '2025-12-04T08:00:01+08:00',
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary: '支付成功',
    resource: { original_type: originalType, ...resource },
  };
  const body = JSON.stringify(envelope);
  const headers = signResponse({
    body,
    privateKey: key.privateKey,
    serial: key.serial,
    timestamp: options.timestamp ?? NOW,
  });
  return {
    body,
    headers: { ...headers, 'Content-Type': 'application/json', 'Request-ID': 'REQ-1' },
  };
}

/** A V2 payment callback, signed with the API key. */
export function v2PaymentXml(
  overrides: Record<string, string> = {},
  signType?: 'MD5' | 'HMAC-SHA256',
): string {
  return signXml(
    {
      appid: 'wx2421b1c4370ec43b',
      attach: '',
      bank_type: 'CFT',
      cash_fee: '9900',
      fee_type: 'CNY',
      is_subscribe: 'Y',
      mch_id: '10000100',
      nonce_str: '5d2b6c2a8db53831f7eda20af46e531c',
      openid: 'oUpF8uMEb4qRXf22hE3X68TekukE',
      out_trade_no: '1409811653',
      result_code: 'SUCCESS',
      return_code: 'SUCCESS',
      time_end: '20251204091010',
      total_fee: '9900',
      coupon_fee_0: '000100',
      trade_type: 'MWEB',
      transaction_id: '1004400740201409030005092168',
      ...(signType === undefined ? {} : { sign_type: signType }),
      ...overrides,
    },
    API_KEY,
    signType,
  );
}

/** A V2 refund callback: no sign, `req_info` encrypted under the API key's MD5. */
export function v2RefundXml(inner: Record<string, string> = {}, key: string = API_KEY): string {
  const reqInfo = encryptRefundInfo(
    {
      transaction_id: '1004400740201409030005092168',
      out_trade_no: '1409811653',
      refund_id: '50000408942018111907145868882',
      out_refund_no: 'R1409811653',
      total_fee: '9900',
      refund_fee: '900',
      settlement_refund_fee: '900',
      refund_status: 'SUCCESS',
      success_time: '2025-12-04 10:00:00',
      refund_recv_accout: '支付用户零钱',
      refund_account: 'REFUND_SOURCE_RECHARGE_FUNDS',
      refund_request_source: 'API',
      ...inner,
    },
    key,
  );
  return `<xml><return_code>SUCCESS</return_code><appid><![CDATA[wx2421b1c4370ec43b]]></appid><mch_id><![CDATA[10000100]]></mch_id><nonce_str><![CDATA[TeqClE3i0mvn3DrK]]></nonce_str><req_info><![CDATA[${reqInfo}]]></req_info></xml>`;
}

/** Replaces one field's value in V2 XML, CDATA or not. */
export function replaceV2Field(xml: string, name: string, value: string): string {
  return xml.replace(
    new RegExp(`<${name}>(?:<!\\[CDATA\\[[^\\]]*\\]\\]>|[^<]*)</${name}>`),
    `<${name}><![CDATA[${value}]]></${name}>`,
  );
}
