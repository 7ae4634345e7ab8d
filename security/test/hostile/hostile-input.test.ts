import { signXml, verifyXml } from '@qqwxpay/codec-v2';
import { encryptResource, signResponse } from '@qqwxpay/codec-v3';
import { verifyV3Notification } from '@qqwxpay/notify-verify';
import { afterAll, describe, expect, it } from 'vitest';
import { hostileCases } from '../support/hostile-cases.ts';
import { API_KEY, API_V3_KEY, NOW, platform } from '../support/keys.ts';
import { attempt } from '../support/outcome.ts';

describe('hostile input is refused with a typed error', () => {
  for (const hostile of hostileCases()) {
    it(`${hostile.target}: ${hostile.name}`, () => {
      const outcome = attempt(() => hostile.run());
      expect(outcome.accepted).toBe(false);
      if (!outcome.accepted) expect(hostile.codes).toContain(outcome.code);
    });
  }

  afterAll(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('prototype keys, when properly signed, stay ordinary fields', () => {
  it('keeps __proto__ and constructor as own string fields of a null-prototype map (V2)', () => {
    const params = JSON.parse(
      '{"return_code":"SUCCESS","__proto__":"x","constructor":"y","toString":"z"}',
    ) as Record<string, string>;
    const fields = verifyXml(signXml(params, API_KEY), API_KEY);
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(Object.hasOwn(fields, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(fields, '__proto__')?.value).toBe('x');
    expect(fields.constructor).toBe('y');
    expect(Object.prototype).not.toHaveProperty('x');
  });

  it('keeps __proto__ inside a decrypted V3 resource from becoming a prototype', () => {
    const { pub, verifiers } = platform();
    const plaintext =
      '{"out_trade_no":"T20261204","transaction_id":"4200","trade_state":"SUCCESS","amount":{"total":100},"__proto__":{"out_trade_no":"EVIL","isAdmin":true}}';
    const body = JSON.stringify({
      id: 'EV-proto',
      event_type: 'TRANSACTION.SUCCESS',
      resource: {
        original_type: 'transaction',
        ...encryptResource(plaintext, API_V3_KEY, { associatedData: 'transaction' }),
      },
    });
    const headers = signResponse({
      body,
      privateKey: pub.privateKey,
      serial: pub.serial,
      timestamp: NOW,
    });
    const outcome = attempt(() =>
      verifyV3Notification({ body, headers }, { apiV3Key: API_V3_KEY, verifiers, now: NOW }),
    );
    if (outcome.accepted) {
      const resource = outcome.value.resource as Record<string, unknown>;
      expect(resource.out_trade_no).toBe('T20261204');
      expect(resource.isAdmin).toBeUndefined();
      expect(Object.getPrototypeOf(resource)).not.toHaveProperty('isAdmin');
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
