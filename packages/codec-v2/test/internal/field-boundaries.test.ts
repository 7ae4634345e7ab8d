import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  encodeXml,
  sign,
  stringToSign,
  type V2Fields,
  verify,
  verifyXml,
} from '../../src/index.ts';
import { fieldName, paramMap } from '../support/arbitraries.ts';
import { codeOf as code, refusal } from '../support/codes.ts';

const KEY = '192006250b4c09247ec02edce69f6a2d';

function signed(fields: Record<string, string>): Record<string, string> {
  return { ...fields, sign: sign(fields, KEY) };
}

/** The fields in the order they are signed: non-empty, `sign` left out, by code unit. */
function signedOrder(fields: Record<string, string>): string[] {
  return Object.keys(fields)
    .filter((name) => name !== 'sign' && fields[name] !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `fields` with the field `later` folded into `into` as `&later=value`, as a forger would. */
function merged(fields: Record<string, string>, into: string, later: string) {
  const copy = { ...fields, [into]: `${fields[into]}&${later}=${fields[later]}` };
  delete copy[later];
  return copy;
}

const paid = {
  appid: 'wx2421b1c4370ec43b',
  mch_id: '10000100',
  nonce_str: 'abc123',
  out_trade_no: 'T20261204000001',
  result_code: 'SUCCESS',
  return_code: 'SUCCESS',
  total_fee: '9900',
  transaction_id: '4200001234202612041234567890',
};

describe('regression: a signed field merged into the one before it', () => {
  test('result_code folded into out_trade_no keeps the signature but is refused', () => {
    const message = signed(paid);
    const forged = merged(message, 'out_trade_no', 'result_code');
    expect(stringToSign(forged, KEY)).toBe(stringToSign(message, KEY));
    const error = refusal(() => verify(forged, KEY));
    expect(error.code).toBe('ERR_V2_SIGNATURE_AMBIGUOUS');
    expect(error.field).toBe('out_trade_no');
    expect(error.message).not.toContain('SUCCESS');
    expect(code(() => verifyXml(encodeXml(forged), KEY))).toBe('ERR_V2_SIGNATURE_AMBIGUOUS');
    expect(verify(message, KEY).result_code).toBe('SUCCESS');
  });

  test('nonce_str folded into mch_id is refused', () => {
    const forged = merged(signed(paid), 'mch_id', 'nonce_str');
    expect(code(() => verify(forged, KEY))).toBe('ERR_V2_SIGNATURE_AMBIGUOUS');
  });

  test('the last field is followed by &key=KEY whatever its name, so any later name counts', () => {
    for (const tail of ['&zzz=1', '&u=1']) {
      const fields = { ...paid, transaction_id: `${paid.transaction_id}${tail}` };
      expect(
        code(() => verify(signed(fields), KEY)),
        tail,
      ).toBe('ERR_V2_SIGNATURE_AMBIGUOUS');
    }
    // attach=gift&key=1&key=KEY is also the string of { attach: 'gift', key: '1' }.
    const endsBeforeKey = signed({ appid: paid.appid, attach: 'gift&key=1' });
    expect(code(() => verify(endsBeforeKey, KEY))).toBe('ERR_V2_SIGNATURE_AMBIGUOUS');
    // transaction_id sorts after key, so a field named key could not follow it.
    const after = signed({ ...paid, transaction_id: `${paid.transaction_id}&key=1` });
    expect(verify(after, KEY).transaction_id).toBe(`${paid.transaction_id}&key=1`);
  });

  test('an empty field between two present ones does not bound the value', () => {
    const fields = { ...paid, out_trade_no: 'T1&p=1', p: '' };
    expect(code(() => verify(signed(fields), KEY))).toBe('ERR_V2_SIGNATURE_AMBIGUOUS');
  });

  test('a name that sorts before the field, or at or after the next one, is kept', () => {
    for (const value of [
      'T1&a=1',
      'T1&out_trade_no=1',
      'T1&result_code=1',
      'T1&zz=1',
      'T1&1a=1',
      'T1&=1',
      'T1&b c=1',
      'T1 & r=1',
      'T1&amp;r=1',
    ]) {
      const fields = signed({ ...paid, out_trade_no: value });
      expect(verify(fields, KEY).out_trade_no, value).toBe(value);
    }
  });

  test('what it cannot catch: an attach holding &NAME=, split into a field of its own', () => {
    const fields = { ...paid, attach: 'gift&b=1' };
    const message = signed(fields);
    expect(code(() => verify(message, KEY))).toBe('ERR_V2_SIGNATURE_AMBIGUOUS');
    const split = { ...message, attach: 'gift', b: '1' };
    expect(verify(split, KEY).b).toBe('1');
  });

  test('sign still signs a value holding &NAME=, as WeChat Pay does', () => {
    const fields = { ...paid, attach: 'gift&b=1' };
    expect(stringToSign(fields, KEY)).toContain('attach=gift&b=1&mch_id=');
    expect(sign(fields, KEY)).toMatch(/^[0-9A-F]{32}$/);
  });
});

/** Values near the rule's edge: names, `&` and `=` in every arrangement. */
const edgyValue = fc.string({
  unit: fc.constantFrom('&', '=', 'a', 'm', 'z', '_', '1'),
  minLength: 1,
  maxLength: 8,
});
const edgyMap = fc
  .dictionary(fc.constantFrom('a', 'aa', 'm', 'mm', 'z', 'key', '_'), edgyValue, {
    minKeys: 1,
    maxKeys: 5,
  })
  .map((d) => ({ ...d }));

describe('properties', () => {
  test('merging any run of signed fields into the one before refuses the message', () => {
    fc.assert(
      fc.property(paramMap, fc.nat(), fc.integer({ min: 1, max: 4 }), (fields, at, count) => {
        const order = signedOrder(fields);
        fc.pre(order.length >= 2);
        const first = at % (order.length - 1);
        let forged: Record<string, string> = signed(fields);
        for (const later of order.slice(first + 1, first + 1 + count)) {
          forged = merged(forged, order[first] as string, later);
        }
        expect(code(() => verify(forged, KEY))).toBe('ERR_V2_SIGNATURE_AMBIGUOUS');
      }),
      { numRuns: 300 },
    );
  });

  test('whenever splitting a value gives another message with the same signature, verify refuses', () => {
    fc.assert(
      fc.property(edgyMap, (fields) => {
        const message = signed(fields);
        const twin = splitTwin(message);
        const outcome = code(() => verify(message, KEY));
        if (twin) expect(outcome).toBe('ERR_V2_SIGNATURE_AMBIGUOUS');
        else expect(outcome).not.toBe('ERR_V2_SIGNATURE_MISMATCH');
      }),
      { numRuns: 1000 },
    );
  });

  test('a message whose values hold no & is never refused as ambiguous', () => {
    fc.assert(
      fc.property(fc.dictionary(fieldName, fc.string({ maxLength: 12 })), (fields) => {
        const plain: V2Fields = Object.fromEntries(
          Object.entries(fields).map(([name, value]) => [name, value.replaceAll('&', '+')]),
        );
        delete plain.sign;
        delete plain.sign_type;
        expect(code(() => verify(signed(plain), KEY))).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Another message, made by cutting one value at `&NAME=` into a field NAME of its own, that
 * has the same string to sign; found by trying every cut, not by the rule under test.
 */
function splitTwin(message: Record<string, string>): Record<string, string> | undefined {
  const target = stringToSign(message, KEY);
  for (const name of Object.keys(message)) {
    if (name === 'sign') continue;
    const value = message[name] as string;
    for (const cut of value.matchAll(/&([A-Za-z_][A-Za-z0-9_.-]*)=/g)) {
      const later = cut[1] as string;
      if (later === 'sign' || (message[later] ?? '') !== '') continue;
      const twin = {
        ...message,
        [name]: value.slice(0, cut.index),
        [later]: value.slice(cut.index + cut[0].length),
      };
      if (stringToSign(twin, KEY) === target) return twin;
    }
  }
  return undefined;
}
