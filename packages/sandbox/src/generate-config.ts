import { generateKeyPair, type KeyObject, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { SandboxConfig } from './config.ts';
import { parseConfig } from './config.ts';
import { issueCertificate } from './internal/certificate.ts';

const generateRsa = promisify(generateKeyPair);
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TEN_YEARS_MS = 10 * 365 * 86_400_000;

/** The ids of the default configuration, fixed so tests and docs can name them. */
export const DEFAULT_IDS: {
  readonly qqAppId: '1112223334';
  readonly qqAppWithoutPay: '1112223335';
  readonly directMchid: '1900000101';
  readonly serviceProviderMchid: '1900000102';
  readonly subMchid: '1900000201';
  readonly combineMchid: '1900000103';
  readonly unboundMchid: '1900000109';
  readonly wechatAppId: 'wx0123456789abcdef';
} = {
  qqAppId: '1112223334',
  qqAppWithoutPay: '1112223335',
  directMchid: '1900000101',
  serviceProviderMchid: '1900000102',
  subMchid: '1900000201',
  combineMchid: '1900000103',
  unboundMchid: '1900000109',
  wechatAppId: 'wx0123456789abcdef',
};

function randomText(length: number): string {
  const bytes = randomBytes(length);
  let text = '';
  for (const byte of bytes) text += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return text;
}

async function keyPair(): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  return generateRsa('rsa', { modulusLength: 2048 });
}

interface Platform {
  serial: string;
  certificate: string;
  privateKey: string;
}

const privatePem = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();

async function platform(): Promise<Platform> {
  const keys = await keyPair();
  const notBefore = new Date(Date.now() - 86_400_000);
  const issued = issueCertificate({
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    commonName: 'Tenpay.com Root CA stand-in',
    organization: 'qqwxpay sandbox WeChat Pay',
    notBefore,
    notAfter: new Date(notBefore.getTime() + TEN_YEARS_MS),
  });
  return {
    serial: issued.serial,
    certificate: issued.pem,
    privateKey: privatePem(keys.privateKey),
  };
}

async function merchant(
  mchid: string,
  kind: 'direct' | 'service-provider',
  platformKeys: Promise<Platform>,
  subMchids: string[] = [],
): Promise<SandboxConfig['merchants'][number]> {
  const [merchantKeys, shared] = await Promise.all([keyPair(), platformKeys]);
  const notBefore = new Date(Date.now() - 86_400_000);
  const notAfter = new Date(notBefore.getTime() + TEN_YEARS_MS);
  const merchantCertificate = issueCertificate({
    publicKey: merchantKeys.publicKey,
    signingKey: merchantKeys.privateKey,
    commonName: `Merchant ${mchid}`,
    organization: 'qqwxpay sandbox merchant',
    notBefore,
    notAfter,
  });
  return {
    mchid,
    kind,
    appIds: [DEFAULT_IDS.wechatAppId],
    subMchids,
    apiKey: randomText(32),
    apiV3Key: randomText(32),
    merchantSerial: merchantCertificate.serial,
    merchantCertificate: merchantCertificate.pem,
    merchantPrivateKey: privatePem(merchantKeys.privateKey),
    platformSerial: shared.serial,
    platformCertificate: shared.certificate,
    platformPrivateKey: shared.privateKey,
  };
}

/**
 * Generates a fresh configuration with new keys: a QQ app with WeChat Pay enabled and bound to
 * a direct merchant, a service provider (with one sub-merchant) and a combine merchant, and a
 * second QQ app without WeChat Pay. The merchants share one platform certificate (WeChat Pay's
 * key pair), which keeps start-up to four RSA key generations. Ids are those of
 * {@link DEFAULT_IDS} (`unboundMchid` is bound to no app); keys, secrets and certificates are
 * new on every call.
 *
 * @returns the configuration, checked
 * @example
 * ```ts
 * const config = await generateConfig();
 * await writeFile('sandbox.json', JSON.stringify(config, null, 2), { mode: 0o600 });
 * ```
 */
export async function generateConfig(): Promise<SandboxConfig> {
  const ids = DEFAULT_IDS;
  const shared = platform();
  const merchants = await Promise.all([
    merchant(ids.directMchid, 'direct', shared),
    merchant(ids.serviceProviderMchid, 'service-provider', shared, [ids.subMchid]),
    merchant(ids.combineMchid, 'direct', shared),
  ]);
  return parseConfig({
    qqApps: [
      {
        appId: ids.qqAppId,
        secret: randomText(32),
        wechatPayEnabled: true,
        boundMchids: [ids.directMchid, ids.serviceProviderMchid, ids.combineMchid],
      },
      {
        appId: ids.qqAppWithoutPay,
        secret: randomText(32),
        wechatPayEnabled: false,
        boundMchids: [ids.directMchid],
      },
    ],
    merchants,
  });
}
