import { verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createRequestSigner,
  loadCertificate,
  loadPrivateKey,
  requestMessage,
} from '../src/index.ts';
import { fixture } from './support/fixtures.ts';

const privateKey = loadPrivateKey(fixture('merchant_key.pem'));
const publicKey = loadCertificate(fixture('merchant_cert.pem')).publicKey;
const signer = createRequestSigner({
  mchid: '1230000109',
  serial: '3775B6A45ACD588826D15E583A95F5DD00000001',
  privateKey,
});

describe('createRequestSigner', () => {
  it('adds Authorization, Accept, Content-Type and User-Agent, keeping the request as sent', () => {
    const request = {
      method: 'POST',
      url: 'https://api.mch.weixin.qq.com/v3/refund/domestic/refunds',
      headers: { 'X-Trace': '1' },
      body: '{"a":1}',
    };
    const signed = signer.sign(request, { timestamp: 1796443200, nonce: 'N42' });
    expect(signed.body).toBe(request.body);
    expect(signed.url).toBe(request.url);
    expect(signed.headers).toMatchObject({
      'X-Trace': '1',
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'User-Agent': 'qqwxpay-codec-v3',
    });
    const signature = /signature="([^"]+)"/.exec(signed.headers.Authorization!)![1]!;
    const message = requestMessage(
      'POST',
      '/v3/refund/domestic/refunds',
      1796443200,
      'N42',
      '{"a":1}',
    );
    expect(
      verify('sha256', Buffer.from(message), publicKey, Buffer.from(signature, 'base64')),
    ).toBe(true);
    expect(request.headers).toEqual({ 'X-Trace': '1' });
  });

  it('sends Wechatpay-Serial when a body carries encrypted fields, and no Content-Type without a body', () => {
    const signed = signer.sign(
      { method: 'GET', url: '/v3/certificates', headers: {}, body: '' },
      { wechatpaySerial: 'PUB_KEY_ID_0114232134912410000000000000' },
    );
    expect(signed.headers['Wechatpay-Serial']).toBe('PUB_KEY_ID_0114232134912410000000000000');
    expect(signed.headers['Content-Type']).toBeUndefined();
  });

  it('checks the credentials once, at creation', () => {
    expect(() => createRequestSigner({ mchid: '12 30', serial: 'S', privateKey })).toThrow(
      /^mchid:/,
    );
    expect(() => createRequestSigner({ mchid: '1230000109', serial: 'S"', privateKey })).toThrow(
      /^serial:/,
    );
    expect(() =>
      createRequestSigner({ mchid: '1230000109', serial: 'S', privateKey: publicKey }),
    ).toThrow(/^privateKey:/);
    expect(signer.mchid).toBe('1230000109');
  });
});
