import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptField, loadPrivateKey, loadPublicKey, VerifierStore } from '../src/index.ts';
import { fixture, openssl } from './support/fixtures.ts';

const keyInvalid = (message: RegExp) =>
  expect.objectContaining({ code: 'ERR_V3_KEY_INVALID', message: expect.stringMatching(message) });

const merchantPem = fixture('merchant_key.pem').toString('utf8');
const publicPem = fixture('pubkey_mode_pub.pem').toString('utf8');
const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
const PUB_ID = 'PUB_KEY_ID_0114232134912410000000000000';

function sameKey(a: ReturnType<typeof loadPrivateKey>, b: ReturnType<typeof loadPrivateKey>) {
  return a
    .export({ format: 'der', type: 'pkcs8' })
    .equals(b.export({ format: 'der', type: 'pkcs8' }));
}

describe('loading keys from the files merchants actually have', () => {
  it('reads `openssl pkcs12 -nodes` output, whose Bag Attributes lines precede the key', () => {
    // openssl pkcs12 -in merchant_aes.p12 -passin pass:1230000109 -nodes
    const { stdout, status } = openssl(
      ['pkcs12', '-in', '{in.p12}', '-passin', 'pass:1230000109', '-nodes'],
      { 'in.p12': fixture('merchant_aes.p12') },
    );
    expect(status).toBe(0);
    const text = stdout.toString('utf8');
    expect(text.trimStart().startsWith('Bag Attributes')).toBe(true);
    expect(sameKey(loadPrivateKey(text), loadPrivateKey(merchantPem))).toBe(true);
    expect(sameKey(loadPrivateKey(stdout), loadPrivateKey(merchantPem))).toBe(true);
  });

  it('refuses PEM text holding two private keys, or none', () => {
    const other = fixture('platform_key.pem').toString('utf8');
    expect(() => loadPrivateKey(`${merchantPem}\n${other}`)).toThrow(keyInvalid(/2 private key/));
    expect(() => loadPrivateKey(`note\n${publicPem}`)).toThrow(keyInvalid(/no PRIVATE KEY/));
  });

  it('reads a PEM private key that starts with a UTF-8 BOM, as text or bytes', () => {
    const reference = loadPrivateKey(merchantPem);
    expect(sameKey(loadPrivateKey(`\uFEFF${merchantPem}`), reference)).toBe(true);
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(merchantPem)]);
    expect(sameKey(loadPrivateKey(bytes), reference)).toBe(true);
  });

  it('reads DER PKCS#8 and PKCS#1 keys instead of calling them damaged PKCS#12', () => {
    const reference = loadPrivateKey(merchantPem);
    // openssl pkcs8 -topk8 -nocrypt -in merchant_key.pem -outform DER
    const pkcs8 = openssl(['pkcs8', '-topk8', '-nocrypt', '-in', '{k.pem}', '-outform', 'DER'], {
      'k.pem': merchantPem,
    });
    // openssl rsa -in merchant_key.pem -outform DER -traditional
    const pkcs1 = openssl(['rsa', '-in', '{k.pem}', '-outform', 'DER', '-traditional'], {
      'k.pem': merchantPem,
    });
    expect([pkcs8.status, pkcs1.status]).toEqual([0, 0]);
    expect(sameKey(loadPrivateKey(pkcs8.stdout), reference)).toBe(true);
    expect(sameKey(loadPrivateKey(pkcs1.stdout), reference)).toBe(true);
  });

  it('refuses RSA keys under 2048 bits for signing and verifying, naming the size', () => {
    const smallPrivate = small.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    const smallPublic = small.publicKey.export({ format: 'pem', type: 'spki' }) as string;
    expect(() => loadPrivateKey(smallPrivate)).toThrow(keyInvalid(/RSA-1024/));
    expect(() => loadPublicKey(smallPublic)).toThrow(keyInvalid(/RSA-1024/));
    expect(() => new VerifierStore().addPublicKey(PUB_ID, small.publicKey)).toThrow(
      keyInvalid(/RSA-1024/),
    );
    expect(() => loadPrivateKey(fixture('ec_key.pem'))).toThrow(keyInvalid(/not an RSA key/));
  });

  it('refuses a private key where a public key belongs', () => {
    const message = /a private key was given where a public key belongs/;
    expect(() => loadPublicKey(merchantPem)).toThrow(keyInvalid(message));
    expect(() => loadPublicKey(fixture('merchant_key_pkcs1.pem'))).toThrow(keyInvalid(message));
    expect(() => new VerifierStore().addPublicKey(PUB_ID, merchantPem)).toThrow(message);
    expect(() => new VerifierStore().addPublicKey(PUB_ID, loadPrivateKey(merchantPem))).toThrow(
      message,
    );
    expect(() => encryptField('a', merchantPem)).toThrow(message);
    expect(loadPublicKey(publicPem).type).toBe('public');
  });
});
