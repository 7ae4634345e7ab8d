import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExpectations, type ExpectationSubject } from '../src/expectations.ts';

const subject: ExpectationSubject = {
  outTradeNo: 'T1',
  amount: '9900',
  mchids: ['1230000109', undefined],
  appids: ['wxd678efh567hg6787'],
};

describe('checkExpectations', () => {
  it('passes when nothing or everything matches', () => {
    expect(() => checkExpectations(subject, undefined, 'E')).not.toThrow();
    expect(() =>
      checkExpectations(
        subject,
        { outTradeNo: 'T1', amount: 9900, mchid: '1230000109', appid: 'wxd678efh567hg6787' },
        'E',
      ),
    ).not.toThrow();
  });

  it('refuses expectations of the wrong type as caller mistakes', () => {
    expect(() => checkExpectations(subject, { amount: 99.5 }, 'E')).toThrow(RangeError);
    expect(() => checkExpectations(subject, { amount: '9900' as never }, 'E')).toThrow(TypeError);
    expect(() => checkExpectations(subject, { outTradeNo: '' }, 'E')).toThrow(TypeError);
    expect(() => checkExpectations(subject, 'T1' as never, 'E')).toThrow(TypeError);
  });

  it('refuses mchid or appid expectations when the callback carries none authenticated', () => {
    const refund = { ...subject, mchids: undefined, appids: undefined };
    expect(() => checkExpectations(refund, { mchid: '1230000109' }, 'refund')).toThrow(TypeError);
    expect(() => checkExpectations(refund, { amount: 9900 }, 'refund')).not.toThrow();
  });

  it('property: an amount expectation holds exactly when it equals the callback amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (actual, expected) => {
          try {
            checkExpectations({ ...subject, amount: String(actual) }, { amount: expected }, 'E');
            return actual === expected;
          } catch (error) {
            return (
              actual !== expected &&
              (error as { code?: string }).code === 'ERR_NOTIFY_EXPECTATION_MISMATCH'
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a misspelt expectation key is refused instead of silently turning its check off', () => {
    expect(() => checkExpectations(subject, { amountt: 1 } as never, 'E')).toThrow(
      /^expect\.amountt: /,
    );
    expect(() => checkExpectations(subject, { amountt: 1 } as never, 'E')).toThrow(TypeError);
    expect(() =>
      checkExpectations(subject, { amount: 9900, outTradeno: 'T1' } as never, 'E'),
    ).toThrow(/expect\.outTradeno/);
  });

  it('a zero, negative or fractional expected amount is refused', () => {
    for (const amount of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => checkExpectations(subject, { amount }, 'E')).toThrow(RangeError);
    }
  });

  it('an id expectation that is not a string is refused', () => {
    expect(() => checkExpectations(subject, { outTradeNo: 1 as never }, 'E')).toThrow(
      /expect\.outTradeNo/,
    );
    expect(() => checkExpectations(subject, { mchid: 1230000109 as never }, 'E')).toThrow(
      TypeError,
    );
    expect(() => checkExpectations(subject, { appid: null as never }, 'E')).toThrow(TypeError);
  });
});
