import WxPay from 'wechatpay-node-v3';
import type { Fixtures } from '../fixtures.ts';
import type { Runners } from '../model.ts';

interface Resource {
  ciphertext: string;
  nonce: string;
  associated_data: string;
}

/**
 * wechatpay-node-v3's public methods, keys given as the PEM buffers its constructor documents;
 * the platform key is put in its static certificate map so nothing is fetched.
 */
export function nodeV3Runners(f: Fixtures): Runners {
  const pay = new WxPay({
    appid: 'wxd678efh567hg6787',
    mchid: f.merchant.mchid,
    serial_no: f.merchant.serial,
    publicKey: Buffer.from(f.platform.publicKeyPem),
    privateKey: Buffer.from(f.merchant.privateKeyPem),
    key: f.apiV3Key,
  });
  (WxPay as unknown as { certificates: Record<string, string> }).certificates[f.platform.id] =
    f.platform.publicKeyPem;

  const authorization = (): string => {
    const signature = pay.getSignature('POST', f.authNonce, f.authTimestamp, f.h5Path, f.h5Body);
    return pay.getAuthorization(f.authNonce, f.authTimestamp, signature);
  };

  const verify = async (headers: Record<string, string>, body: string): Promise<boolean> => {
    const timestamp = headers['wechatpay-timestamp']!;
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
    return pay.verifySign({
      timestamp,
      nonce: headers['wechatpay-nonce']!,
      body,
      serial: headers['wechatpay-serial']!,
      signature: headers['wechatpay-signature']!,
    });
  };

  const decrypt = (r: Resource): unknown =>
    pay.decipher_gcm(r.ciphertext, r.associated_data, r.nonce, f.apiV3Key);

  const full = async (message: {
    headers: Record<string, string>;
    body: string;
  }): Promise<unknown> => {
    if (!(await verify(message.headers, message.body))) throw new Error('signature');
    const envelope = JSON.parse(message.body) as { resource: Resource };
    return decrypt(envelope.resource);
  };

  return {
    'V3 Authorization': { run: authorization, via: 'getSignature + getAuthorization' },
    'V3 callback signature verify': {
      run: () => verify(f.callback.headers, f.callback.body),
      tampered: [() => verify(f.callbackTamperedBody.headers, f.callbackTamperedBody.body)],
      via: 'verifySign (async)',
    },
    'AES-256-GCM resource decrypt': {
      run: () => decrypt(f.resource),
      tampered: [() => decrypt(f.resourceTamperedTag)],
      via: 'decipher_gcm',
    },
    'V3 callback, full': {
      run: () => full(f.callback),
      tampered: [() => full(f.callbackTamperedBody), () => full(f.callbackTamperedTag)],
      via: 'verifySign + JSON.parse + decipher_gcm',
    },
  };
}
