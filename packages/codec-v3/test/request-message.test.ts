import { describe, expect, it } from 'vitest';
import { pathAndQuery, requestMessage } from '../src/index.ts';

describe('pathAndQuery', () => {
  it.each([
    ['https://api.mch.weixin.qq.com/v3/certificates', '/v3/certificates'],
    [
      'https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/A1?mchid=1230000109',
      '/v3/pay/transactions/out-trade-no/A1?mchid=1230000109',
    ],
    ['https://example.test', '/'],
    ['https://example.test?x=1', '/?x=1'],
    ['http://127.0.0.1:8080/v3/a%2Fb?q=%E4%B8%AD', '/v3/a%2Fb?q=%E4%B8%AD'],
    ['/v3/refund/domestic/refunds?x=a+b', '/v3/refund/domestic/refunds?x=a+b'],
  ])('reduces %s to %s without re-encoding', (url, expected) => {
    expect(pathAndQuery(url)).toBe(expected);
  });

  it.each(['v3/certificates', '//evil.test/v3', '/v3/a b', '/v3/a#frag', '/v3/a\nb', ''])(
    'refuses %j',
    (url) => {
      expect(() => pathAndQuery(url)).toThrow(TypeError);
    },
  );
});

describe('requestMessage', () => {
  it('is METHOD\\nURL\\nTIMESTAMP\\nNONCE\\nBODY\\n with every line LF-terminated', () => {
    expect(requestMessage('POST', '/v3/pay/transactions/h5', 1554208460, 'N1', '{"a":1}')).toBe(
      'POST\n/v3/pay/transactions/h5\n1554208460\nN1\n{"a":1}\n',
    );
  });

  it('leaves an empty line for an empty body', () => {
    expect(requestMessage('GET', '/v3/certificates', '1554208460', 'N1', '')).toBe(
      'GET\n/v3/certificates\n1554208460\nN1\n\n',
    );
    expect(requestMessage('GET', '/v3/certificates', '1554208460', 'N1')).toBe(
      'GET\n/v3/certificates\n1554208460\nN1\n\n',
    );
  });

  it('takes bytes as sent', () => {
    const body = new TextEncoder().encode('{"d":"中文"}');
    expect(requestMessage('POST', '/v3/x', 1, 'N', body)).toBe('POST\n/v3/x\n1\nN\n{"d":"中文"}\n');
  });

  it('reduces a full URL to path and query', () => {
    expect(requestMessage('GET', 'https://api.mch.weixin.qq.com/v3/x?a=1', 1, 'N')).toBe(
      'GET\n/v3/x?a=1\n1\nN\n\n',
    );
  });

  it('refuses an object body so that what is signed is what is sent', () => {
    expect(() => requestMessage('POST', '/v3/x', 1, 'N', { a: 1 } as never)).toThrow(
      /body: expected the exact string or bytes/,
    );
  });

  it.each([
    ['post', 'method'],
    ['PO ST', 'method'],
  ])('refuses method %j', (method, name) => {
    expect(() => requestMessage(method, '/v3/x', 1, 'N')).toThrow(new RegExp(`^${name}:`));
  });

  it.each(['', 'a b', 'a"b', 'a,b', 'x'.repeat(65)])('refuses nonce %j', (nonce) => {
    expect(() => requestMessage('GET', '/v3/x', 1, nonce)).toThrow(/^nonce:/);
  });

  it.each([-1, 1.5, '12a', '', ' 1'])('refuses timestamp %j', (timestamp) => {
    expect(() => requestMessage('GET', '/v3/x', timestamp as never, 'N')).toThrow(/^timestamp:/);
  });
});
