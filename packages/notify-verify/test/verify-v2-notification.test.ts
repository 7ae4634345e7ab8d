import { encodeXml, sign, V2Error } from '@qqwxpay/codec-v2';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotifyError } from '../src/errors.ts';
import { openV2Notification, verifyV2Notification } from '../src/verify-v2-notification.ts';
import { API_KEY, replaceV2Field, v2PaymentXml, v2RefundXml } from './support/callbacks.ts';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('verifyV2Notification: payment callbacks', () => {
  it('verifies an MD5-signed payment callback and keeps every value a string', () => {
    const event = verifyV2Notification({ body: v2PaymentXml() }, { key: API_KEY });
    expect(event.kind).toBe('payment');
    if (event.kind !== 'payment') return;
    expect(event.success).toBe(true);
    expect(event.fields.total_fee).toBe('9900');
    expect(event.fields.coupon_fee_0).toBe('000100');
    expect(event.fields.transaction_id).toBe('1004400740201409030005092168');
  });

  it('takes HMAC-SHA256 from sign_type, and from the option when sign_type is absent', () => {
    const named = verifyV2Notification({ body: v2PaymentXml({}, 'HMAC-SHA256') }, { key: API_KEY });
    expect(named.kind).toBe('payment');

    const fields = {
      return_code: 'SUCCESS',
      result_code: 'SUCCESS',
      appid: 'wx2421b1c4370ec43b',
      mch_id: '10000100',
      out_trade_no: '1409811653',
      total_fee: '9900',
      transaction_id: '1004400740201409030005092168',
    };
    const unnamed = encodeXml({ ...fields, sign: sign(fields, API_KEY, 'HMAC-SHA256') });
    expect(unnamed).not.toContain('sign_type');
    expect(
      verifyV2Notification({ body: unnamed }, { key: API_KEY, signType: 'HMAC-SHA256' }).kind,
    ).toBe('payment');
    expect(codeOf(() => verifyV2Notification({ body: unnamed }, { key: API_KEY }))).toBe(
      'ERR_V2_SIGNATURE_MISMATCH',
    );
  });

  it('reads result_code FAIL as an unsuccessful payment, still verified', () => {
    const body = v2PaymentXml({ result_code: 'FAIL', err_code: 'SYSTEMERROR', transaction_id: '' });
    const event = verifyV2Notification({ body }, { key: API_KEY });
    expect(event.kind === 'payment' && event.success).toBe(false);
  });

  it('refuses a tampered amount', () => {
    const body = replaceV2Field(v2PaymentXml(), 'total_fee', '1');
    expect(body).toContain('<total_fee><![CDATA[1]]></total_fee>');
    const error = (() => {
      try {
        verifyV2Notification({ body }, { key: API_KEY });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(V2Error);
    expect((error as V2Error).code).toBe('ERR_V2_SIGNATURE_MISMATCH');
  });

  it('refuses a payment callback without sign', () => {
    const body = v2PaymentXml().replace(/<sign>.*?<\/sign>/, '');
    expect(body).not.toContain('<sign>');
    expect(codeOf(() => verifyV2Notification({ body }, { key: API_KEY }))).toBe(
      'ERR_V2_SIGNATURE_MISSING',
    );
  });

  it('refuses return_code FAIL: unsigned as not authentic, signed as ERR_NOTIFY_RETURN_FAIL', () => {
    const unsigned = '<xml><return_code>FAIL</return_code><return_msg>bad</return_msg></xml>';
    expect(codeOf(() => verifyV2Notification({ body: unsigned }, { key: API_KEY }))).toBe(
      'ERR_V2_SIGNATURE_MISSING',
    );
    const signed = v2PaymentXml({ return_code: 'FAIL' });
    expect(codeOf(() => verifyV2Notification({ body: signed }, { key: API_KEY }))).toBe(
      'ERR_NOTIFY_RETURN_FAIL',
    );
  });

  it('openV2Notification verifies without asking for the fields a payment needs', () => {
    const fields = { return_code: 'SUCCESS', result_code: 'SUCCESS', out_trade_no: 'T1' };
    const body = encodeXml({ ...fields, sign: sign(fields, API_KEY) });
    const opened = openV2Notification({ body }, { key: API_KEY });
    expect(opened.kind === 'payment' && opened.fields.out_trade_no).toBe('T1');
    expect(codeOf(() => verifyV2Notification({ body }, { key: API_KEY }))).toBe(
      'ERR_NOTIFY_RESOURCE_INVALID',
    );
  });

  it('refuses a DOCTYPE before looking at anything', () => {
    const body = `<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]>${v2PaymentXml()}`;
    expect(codeOf(() => verifyV2Notification({ body }, { key: API_KEY }))).toMatch(/^ERR_V2_XML_/);
  });

  it('refuses a body over the limit and a parsed body', () => {
    expect(
      codeOf(() => verifyV2Notification({ body: v2PaymentXml() }, { key: API_KEY, maxBytes: 100 })),
    ).toBe('ERR_NOTIFY_BODY_TOO_LARGE');
    expect(() => verifyV2Notification({ body: {} as never }, { key: API_KEY })).toThrow(TypeError);
  });

  it('checks expectations after verification', () => {
    const body = v2PaymentXml();
    expect(
      verifyV2Notification(
        { body },
        {
          key: API_KEY,
          expect: {
            outTradeNo: '1409811653',
            amount: 9900,
            mchid: '10000100',
            appid: 'wx2421b1c4370ec43b',
          },
        },
      ).kind,
    ).toBe('payment');
    for (const [expectation, field] of [
      [{ amount: 1 }, 'amount'],
      [{ outTradeNo: 'other' }, 'out_trade_no'],
      [{ mchid: '99999999' }, 'mchid'],
      [{ appid: 'wx0000000000000000' }, 'appid'],
    ] as const) {
      try {
        verifyV2Notification({ body }, { key: API_KEY, expect: expectation });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(NotifyError);
        expect((error as NotifyError).code).toBe('ERR_NOTIFY_EXPECTATION_MISMATCH');
        expect((error as NotifyError).field).toBe(field);
      }
    }
  });

  it('regression: a correctly signed 1-fen callback does not pay a 9,900-fen order', () => {
    const body = v2PaymentXml({ total_fee: '1', cash_fee: '1' });
    expect(
      codeOf(() => verifyV2Notification({ body }, { key: API_KEY, expect: { amount: 9900 } })),
    ).toBe('ERR_NOTIFY_EXPECTATION_MISMATCH');
  });

  it('property: changing any one value breaks the signature', () => {
    const original = v2PaymentXml();
    const names = [
      'total_fee',
      'out_trade_no',
      'transaction_id',
      'mch_id',
      'openid',
      'coupon_fee_0',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
        (name, value) => {
          const tampered = replaceV2Field(original, name, value);
          fc.pre(tampered !== original);
          return (
            codeOf(() => verifyV2Notification({ body: tampered }, { key: API_KEY })) ===
            'ERR_V2_SIGNATURE_MISMATCH'
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('verifyV2Notification: refund callbacks', () => {
  it('decrypts req_info under the API key and returns only the decrypted fields, as strings', () => {
    const event = verifyV2Notification({ body: v2RefundXml() }, { key: API_KEY });
    expect(event.kind).toBe('refund');
    if (event.kind !== 'refund') return;
    expect(event.refund.refund_fee).toBe('900');
    expect(event.refund.refund_status).toBe('SUCCESS');
    expect(Object.keys(event)).toEqual(['version', 'kind', 'refund']);
  });

  it('regression: unsigned outer fields of a refund are neither returned nor checked', () => {
    const body = replaceV2Field(v2RefundXml(), 'mch_id', '1999999999');
    expect(() =>
      verifyV2Notification({ body }, { key: API_KEY, expect: { mchid: '1999999999' } }),
    ).toThrow(/mchid/);
    expect(() =>
      verifyV2Notification({ body }, { key: API_KEY, expect: { appid: 'wx2421b1c4370ec43b' } }),
    ).toThrow(TypeError);
  });

  it('refuses req_info encrypted under another key', () => {
    const body = v2RefundXml({}, 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz');
    expect(codeOf(() => verifyV2Notification({ body }, { key: API_KEY }))).toMatch(
      /^ERR_V2_(DECRYPT_FAILED|REQ_INFO_MALFORMED)$/,
    );
  });

  it('refuses a refund whose decrypted fields lack the refund id', () => {
    const body = v2RefundXml({ refund_id: '' });
    expect(codeOf(() => verifyV2Notification({ body }, { key: API_KEY }))).toBe(
      'ERR_NOTIFY_RESOURCE_INVALID',
    );
  });

  it('checks the refund amount and order number against expectations', () => {
    const body = v2RefundXml();
    expect(
      verifyV2Notification(
        { body },
        { key: API_KEY, expect: { amount: 900, outTradeNo: '1409811653' } },
      ).kind,
    ).toBe('refund');
    expect(
      codeOf(() => verifyV2Notification({ body }, { key: API_KEY, expect: { amount: 9900 } })),
    ).toBe('ERR_NOTIFY_EXPECTATION_MISMATCH');
  });
});
