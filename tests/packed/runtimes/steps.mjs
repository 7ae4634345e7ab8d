// The primitives each package needs, exercised through the published packages. Runs unchanged
// on Node, Bun, Deno and workerd: no file system, no process, keys passed in.
import * as v2 from '@qqwxpay/codec-v2';
import * as v3 from '@qqwxpay/codec-v3';
import * as notify from '@qqwxpay/notify-verify';
import * as proxy from '@qqwxpay/proxy-url';

const apiKey = '0123456789abcdef0123456789abcdef';

/**
 * Runs every step and reports `ok`, `FAILED` (a wrong result) or `THROWS` with the error code.
 *
 * @param keys - `keyPem` and `certPem` (PEM text) and `p12` (bytes, passphrase 1230000109)
 * @returns one line per step
 */
export async function runSteps({ keyPem, certPem, p12 }) {
  const results = {};
  const step = async (name, fn) => {
    try {
      results[name] = (await fn()) === false ? 'FAILED (wrong result)' : 'ok';
    } catch (error) {
      results[name] =
        `THROWS ${error?.code ?? error?.name}: ${String(error?.message).slice(0, 90)}`;
    }
  };
  let key;
  let cert;

  await step('codec-v2 sign MD5', () => /^[0-9A-F]{32}$/.test(v2.sign({ a: '1' }, apiKey)));
  await step('codec-v2 sign HMAC-SHA256', () =>
    /^[0-9A-F]{64}$/.test(v2.sign({ a: '1' }, apiKey, 'HMAC-SHA256')),
  );
  await step('codec-v2 verify', () => {
    const fields = { a: '1', sign: v2.sign({ a: '1' }, apiKey) };
    return v2.verify(fields, apiKey).a === '1';
  });
  await step('codec-v2 refund req_info (AES-256-ECB)', () => {
    const reqInfo = v2.encryptRefundInfo({ out_refund_no: 'r1' }, apiKey);
    return v2.decryptRefundInfo(reqInfo, apiKey).out_refund_no === 'r1';
  });
  await step('codec-v2 nonceStr', () => v2.nonceStr().length > 0);
  await step('codec-v3 loadPrivateKey PEM', () => {
    key = v3.loadPrivateKey(keyPem);
  });
  await step('codec-v3 loadPrivateKey PKCS#12', () => {
    v3.loadPrivateKey(p12, { passphrase: '1230000109' });
  });
  await step('codec-v3 loadCertificate (X.509)', () => {
    cert = v3.loadCertificate(certPem);
  });
  await step('codec-v3 Authorization (RSASSA-PKCS1-v1_5 SHA-256)', () => {
    const signer = v3.createRequestSigner({ mchid: '1230000109', serial: 'AB', privateKey: key });
    const url = 'https://api.mch.weixin.qq.com/v3/certificates';
    return signer.authorization({ method: 'GET', url }).startsWith('WECHATPAY2-SHA256-RSA2048 ');
  });
  await step('codec-v3 verifySignature', () => {
    const verifiers = new v3.VerifierStore();
    verifiers.addCertificate(certPem);
    const headers = v3.signResponse({ body: '{}', privateKey: key, serial: cert.serial });
    v3.verifySignature({ headers, body: '{}' }, { verifiers });
  });
  await step('codec-v3 resource (AES-256-GCM)', () => {
    const resource = v3.encryptResource('hello', apiKey, { associatedData: 'transaction' });
    return v3.decryptResource(resource, apiKey) === 'hello';
  });
  await step('codec-v3 sensitive field (RSA-OAEP SHA-1)', () => {
    return v3.decryptField(v3.encryptField('name', cert.publicKey), key) === 'name';
  });
  await step('proxy-url buildProxyUrl', () => {
    const parts = { api: 'v2-unifiedorder', qqAppId: '1110000000', accessToken: 'token' };
    return proxy.buildProxyUrl(parts).startsWith('https://');
  });
  await step('notify-verify fetchNotify (V3 callback)', async () => {
    const verifiers = new v3.VerifierStore();
    verifiers.addCertificate(certPem);
    const paid = { out_trade_no: 'o1', transaction_id: 't1', trade_state: 'SUCCESS' };
    const plaintext = JSON.stringify({ ...paid, amount: { total: 1 } });
    const resource = v3.encryptResource(plaintext, apiKey, { associatedData: 'transaction' });
    const body = JSON.stringify({
      id: 'e1',
      event_type: 'TRANSACTION.SUCCESS',
      resource_type: 'encrypt-resource',
      resource: { ...resource, original_type: 'transaction' },
    });
    const headers = v3.signResponse({ body, privateKey: key, serial: cert.serial });
    let seen;
    const handle = notify.fetchNotify({
      version: 'v3',
      apiV3Key: apiKey,
      verifiers,
      onEvent: (event) => {
        seen = event;
      },
    });
    const request = new Request('http://127.0.0.1/notify', { method: 'POST', body, headers });
    const response = await handle(request);
    return response.status === 204 && seen?.resource?.out_trade_no === 'o1';
  });
  return results;
}
