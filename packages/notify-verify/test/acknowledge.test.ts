import { V2_ERROR_CODES, V2Error } from '@qqwxpay/codec-v2';
import { V3_ERROR_CODES, V3Error } from '@qqwxpay/codec-v3';
import { describe, expect, it } from 'vitest';
import { acknowledge, refuse } from '../src/acknowledge.ts';
import { NOTIFY_ERROR_CODES, NotifyError } from '../src/errors.ts';

describe('acknowledge and refuse', () => {
  it('acknowledges V3 with an empty 204 by default and V2 with the SUCCESS XML', () => {
    expect(acknowledge('v3')).toEqual({ status: 204, headers: {}, body: '' });
    expect(acknowledge('v2').body).toContain('<return_code><![CDATA[SUCCESS]]></return_code>');
    expect(() => acknowledge('v3', { v3Status: 202 as never })).toThrow(RangeError);
  });

  it('maps each kind of refusal to a failing status that makes WeChat Pay retry', () => {
    const cases: [unknown, number][] = [
      [new V3Error('ERR_V3_SIGNATURE_MISMATCH', 'x'), 401],
      [new V3Error('ERR_V3_TIMESTAMP_OUT_OF_WINDOW', 'x'), 401],
      [new V3Error('ERR_V3_DECRYPT_FAILED', 'x'), 401],
      [new V2Error('ERR_V2_SIGNATURE_MISMATCH', 'x'), 401],
      [new V2Error('ERR_V2_XML_DOCTYPE', 'x'), 400],
      [new NotifyError('ERR_NOTIFY_BODY_TOO_LARGE', 'x'), 413],
      [new NotifyError('ERR_NOTIFY_EXPECTATION_MISMATCH', 'x'), 400],
      [new NotifyError('ERR_NOTIFY_IN_PROGRESS', 'x'), 503],
      [new NotifyError('ERR_NOTIFY_HANDLER_FAILED', 'x'), 500],
      [new Error('anything else'), 500],
    ];
    for (const [error, status] of cases) {
      const v3 = refuse('v3', error);
      expect(v3.status).toBe(status);
      expect(JSON.parse(v3.body).code).toBe('FAIL');
      const v2 = refuse('v2', error);
      expect(v2.status).toBe(status);
      expect(v2.body).toContain('<return_code><![CDATA[FAIL]]></return_code>');
    }
  });

  it('says only the code, never the error text', () => {
    const answer = refuse('v3', new NotifyError('ERR_NOTIFY_HANDLER_FAILED', 'secret order data'));
    expect(JSON.parse(answer.body)).toEqual({ code: 'FAIL', message: 'ERR_NOTIFY_HANDLER_FAILED' });
    expect(refuse('v3', new TypeError('key=abc')).body).not.toContain('abc');
  });

  it('every NotifyError code answers a 4xx or 5xx', () => {
    for (const code of NOTIFY_ERROR_CODES) {
      const { status } = refuse('v3', new NotifyError(code, 'x'));
      expect(status).toBeGreaterThanOrEqual(400);
    }
  });

  it('the status of every code agrees with the README: not authentic 401, malformed 400', () => {
    const notAuthentic = new Set([
      'ERR_V3_SIGNATURE_MISSING',
      'ERR_V3_SIGNATURE_MISMATCH',
      'ERR_V3_SIGNATURE_PROBE',
      'ERR_V3_TIMESTAMP_OUT_OF_WINDOW',
      'ERR_V3_SERIAL_UNKNOWN',
      'ERR_V3_CERTIFICATE_EXPIRED',
      'ERR_V3_DECRYPT_FAILED',
      'ERR_V2_SIGNATURE_MISSING',
      'ERR_V2_SIGNATURE_MISMATCH',
      'ERR_V2_DECRYPT_FAILED',
    ]);
    const expected: Record<string, number> = {
      ERR_NOTIFY_BODY_TOO_LARGE: 413,
      ERR_V2_XML_TOO_LARGE: 413,
      ERR_NOTIFY_BODY_UNAVAILABLE: 500,
      ERR_NOTIFY_HANDLER_FAILED: 500,
      ERR_NOTIFY_INTERNAL: 500,
      ERR_NOTIFY_STORE_FAILED: 503,
      ERR_NOTIFY_IN_PROGRESS: 503,
      ERR_NOTIFY_TIMEOUT: 503,
    };
    const statusOf = (code: string): number =>
      expected[code] ?? (notAuthentic.has(code) ? 401 : 400);
    for (const code of V3_ERROR_CODES) {
      if (code === 'ERR_V3_API_ERROR') continue;
      expect([code, refuse('v3', new V3Error(code, 'x')).status]).toEqual([code, statusOf(code)]);
    }
    for (const code of V2_ERROR_CODES) {
      expect([code, refuse('v2', new V2Error(code, 'x')).status]).toEqual([code, statusOf(code)]);
    }
    for (const code of NOTIFY_ERROR_CODES) {
      const answer = refuse('v3', new NotifyError(code, 'x'));
      expect([code, answer.status]).toEqual([code, statusOf(code)]);
      expect(JSON.parse(answer.body).message).toBe(code);
    }
    expect(refuse('v3', new V3Error('ERR_V3_SIGNATURE_MALFORMED', 'x')).status).toBe(400);
    expect(refuse('v3', new V3Error('ERR_V3_TIMESTAMP_MALFORMED', 'x')).status).toBe(400);
  });

  it('an error without a code answers ERR_NOTIFY_INTERNAL, a documented code, with 500', () => {
    const answer = refuse('v3', new TypeError('expect.amountt: not an expectation'));
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body).message).toBe('ERR_NOTIFY_INTERNAL');
    expect(NOTIFY_ERROR_CODES).toContain('ERR_NOTIFY_INTERNAL');
  });
});
