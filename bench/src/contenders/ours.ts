import { encodeXml, sign, verifyXml } from '@qqwxpay/codec-v2';
import {
  createRequestSigner,
  decryptResource,
  VerifierStore,
  verifySignature,
} from '@qqwxpay/codec-v3';
import { verifyV3Notification } from '@qqwxpay/notify-verify';
import { prepareV3Order } from '@qqwxpay/proxy-url';
import type { Fixtures } from '../fixtures.ts';
import type { Runners } from '../model.ts';

/**
 * The qqwxpay packages doing each operation through their public API, with the signer and the
 * verifier store built once as an application would.
 */
export function oursRunners(f: Fixtures): Runners {
  const signer = createRequestSigner({
    mchid: f.merchant.mchid,
    serial: f.merchant.serial,
    privateKey: f.merchant.privateKey,
  });
  const verifiers = new VerifierStore();
  verifiers.addPublicKey(f.platform.id, f.platform.publicKey);
  const callbackOptions = { apiV3Key: f.apiV3Key, verifiers };
  const orderOptions = {
    qqAppId: f.qq.appId,
    accessToken: f.qq.accessToken,
    signer,
    realNotifyUrl: f.qq.realNotifyUrl,
    timestamp: f.authTimestamp,
    nonce: f.authNonce,
  };

  return {
    'V2 sign MD5': { run: () => sign(f.orderMd5, f.v2Key, 'MD5'), via: 'codec-v2 sign' },
    'V2 sign HMAC-SHA256': {
      run: () => sign(f.orderHmac, f.v2Key, 'HMAC-SHA256'),
      via: 'codec-v2 sign',
    },
    'V2 build XML': { run: () => encodeXml(f.signedOrder), via: 'codec-v2 encodeXml' },
    'V2 parse + verify notification': {
      run: () => verifyXml(f.notificationXml, f.v2Key),
      tampered: [() => verifyXml(f.notificationXmlTampered, f.v2Key)],
      via: 'codec-v2 verifyXml',
    },
    'V3 Authorization': {
      run: () =>
        signer.authorization({
          method: 'POST',
          url: f.h5Url,
          body: f.h5Body,
          timestamp: f.authTimestamp,
          nonce: f.authNonce,
        }),
      via: 'codec-v3 createRequestSigner(…).authorization',
    },
    'V3 callback signature verify': {
      run: () => verifySignature(f.callback, { verifiers }),
      tampered: [() => verifySignature(f.callbackTamperedBody, { verifiers })],
      via: 'codec-v3 verifySignature',
    },
    'AES-256-GCM resource decrypt': {
      run: () => decryptResource(f.resource, f.apiV3Key),
      tampered: [() => decryptResource(f.resourceTamperedTag, f.apiV3Key)],
      via: 'codec-v3 decryptResource',
    },
    'V3 callback, full': {
      run: () => verifyV3Notification(f.callback, callbackOptions),
      tampered: [
        () => verifyV3Notification(f.callbackTamperedBody, callbackOptions),
        () => verifyV3Notification(f.callbackTamperedTag, callbackOptions),
      ],
      output: (event) => (event as { resource: unknown }).resource,
      via: 'notify-verify verifyV3Notification (verify + decrypt + zod schema)',
    },
    'V3 proxied order prepared': {
      run: () => prepareV3Order('v3-h5', f.h5Order, orderOptions),
      via: 'proxy-url prepareV3Order (zod schema, notify_url, proxy URL, signature, preflight)',
    },
  };
}
