import { generateKeyPairSync } from 'node:crypto';
import { signResponse, VerifierStore, verifyResponse, verifySignature } from '@qqwxpay/codec-v3';
import { describe, expect, it } from 'vitest';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const verifiers = new VerifierStore();
verifiers.addPublicKey('PUB_KEY_ID_0114232134912410000000000000', publicKey);
const serial = 'PUB_KEY_ID_0114232134912410000000000000';
const now = Math.floor(Date.now() / 1000);

describe('V3 signatures: a line feed in Wechatpay-Nonce cannot move body bytes into the header', () => {
  const body = '{"prepay_id":"wx201410272009395522657a690389285100"}\n';
  const headers = signResponse({ body, privateKey, serial, timestamp: now, nonce: 'N0NCE' });
  const shifted = { ...headers, 'Wechatpay-Nonce': `N0NCE\n${body.slice(0, -1)}` };

  it('verifySignature refuses a nonce holding a line feed', () => {
    expect(() => verifySignature({ headers: shifted, body: '' }, { verifiers, now })).toThrow(
      expect.objectContaining({ name: 'V3Error' }),
    );
  });

  it('verifyResponse does not hand back an empty body for a signed non-empty one', () => {
    expect(() =>
      verifyResponse({ status: 200, headers: shifted, body: '' }, { verifiers, now }),
    ).toThrow(expect.objectContaining({ name: 'V3Error' }));
  });
});
