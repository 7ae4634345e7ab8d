import { Aes, Formatter, Hash, Rsa, Transformer } from 'wechatpay-axios-plugin';
import type { Fixtures } from '../fixtures.ts';
import type { Runners } from '../model.ts';

type Step = (this: object, data: unknown, headers?: object, status?: number) => unknown;

interface Resource {
  ciphertext: string;
  nonce: string;
  associated_data: string;
}

/**
 * wechatpay-axios-plugin's own building blocks, called the way its axios transforms and
 * interceptors call them, with keys made into KeyObjects once as its README suggests.
 */
export function axiosPluginRunners(f: Fixtures): Runners {
  const privateKey = Rsa.from(f.merchant.privateKeyPem, 'private');
  const publicKey = Rsa.from(f.platform.publicKeyPem, 'public');
  const [toObject, verifier] = new Transformer(f.merchant.mchid, f.v2Key).response as unknown as [
    Step,
    Step,
  ];
  const config = {};
  const parseAndVerify = (xml: string): unknown => {
    const result = verifier.call(config, toObject.call(config, xml), {}, 200);
    if (result instanceof Error) throw result;
    return result;
  };

  const authorization = (): string => {
    const message = Formatter.request('POST', f.h5Path, f.authTimestamp, f.authNonce, f.h5Body);
    const signature = Rsa.sign(message, privateKey);
    return Formatter.authorization(
      f.merchant.mchid,
      f.authNonce,
      signature,
      f.authTimestamp,
      f.merchant.serial,
    );
  };

  const verify = (headers: Record<string, string>, body: string): boolean => {
    const timestamp = headers['wechatpay-timestamp']!;
    if (Math.abs(Formatter.timestamp() - Number(timestamp)) > 300) return false;
    if (headers['wechatpay-serial'] !== f.platform.id) return false;
    const message = Formatter.response(timestamp, headers['wechatpay-nonce']!, body);
    return Rsa.verify(message, headers['wechatpay-signature']!, publicKey);
  };

  const decrypt = (r: Resource): string =>
    Aes.AesGcm.decrypt(r.ciphertext, f.apiV3Key, r.nonce, r.associated_data);

  const full = (message: { headers: Record<string, string>; body: string }): unknown => {
    if (!verify(message.headers, message.body)) throw new Error('signature');
    const envelope = JSON.parse(message.body) as { resource: Resource };
    return JSON.parse(decrypt(envelope.resource));
  };

  return {
    'V2 sign MD5': { run: () => Hash.sign('MD5', f.orderMd5, f.v2Key), via: 'Hash.sign' },
    'V2 sign HMAC-SHA256': {
      run: () => Hash.sign('HMAC-SHA256', f.orderHmac, f.v2Key),
      via: 'Hash.sign',
    },
    'V2 build XML': { run: () => Transformer.toXml(f.signedOrder), via: 'Transformer.toXml' },
    'V2 parse + verify notification': {
      run: () => parseAndVerify(f.notificationXml),
      tampered: [() => parseAndVerify(f.notificationXmlTampered)],
      via: 'Transformer response transforms (toObject, verifier)',
    },
    'V3 Authorization': {
      run: authorization,
      via: 'Formatter.request + Rsa.sign + Formatter.authorization',
    },
    'V3 callback signature verify': {
      run: () => verify(f.callback.headers, f.callback.body),
      tampered: [() => verify(f.callbackTamperedBody.headers, f.callbackTamperedBody.body)],
      via: 'Formatter.response + Rsa.verify',
    },
    'AES-256-GCM resource decrypt': {
      run: () => decrypt(f.resource),
      tampered: [() => decrypt(f.resourceTamperedTag)],
      via: 'Aes.AesGcm.decrypt',
    },
    'V3 callback, full': {
      run: () => full(f.callback),
      tampered: [() => full(f.callbackTamperedBody), () => full(f.callbackTamperedTag)],
      via: 'Rsa.verify + JSON.parse + Aes.AesGcm.decrypt + JSON.parse',
    },
  };
}
