import { describe, expect, it } from 'vitest';
import { loadCertificate, loadPublicKey, VerifierStore } from '../src/index.ts';
import { fixture } from './support/fixtures.ts';

const cert = loadCertificate(fixture('platform_cert.pem'));
const cert2 = loadCertificate(fixture('platform2_cert.pem'));
const inside = new Date(cert.notBefore.getTime() + 1000);

describe('VerifierStore', () => {
  it('holds certificates and public keys side by side, by opaque serial', () => {
    const store = new VerifierStore();
    store.addCertificate(fixture('platform_cert.pem'), { now: inside });
    store.addCertificate(cert2, { now: inside });
    store.addPublicKey('PUB_KEY_ID_0114232134912410000000000000', fixture('pubkey_mode_pub.pem'));
    expect(store.serials().sort()).toEqual(
      [cert.serial, cert2.serial, 'PUB_KEY_ID_0114232134912410000000000000'].sort(),
    );
    expect(store.get(cert.serial)?.kind).toBe('certificate');
    expect(store.get('PUB_KEY_ID_0114232134912410000000000000')?.kind).toBe('public-key');
    expect(store.get(cert.serial.toLowerCase())).toBeUndefined();
    expect(store.has(cert2.serial)).toBe(true);
  });

  it('reuses the same key object on every lookup', () => {
    const store = new VerifierStore();
    store.addCertificate(cert, { now: inside });
    expect(store.get(cert.serial)?.publicKey).toBe(store.get(cert.serial)?.publicKey);
  });

  it('refuses a certificate outside its validity period', () => {
    const store = new VerifierStore();
    for (const now of [
      new Date(cert.notBefore.getTime() - 1000),
      new Date(cert.notAfter.getTime() + 1000),
    ]) {
      expect(() => store.addCertificate(cert, { now })).toThrow(
        expect.objectContaining({ code: 'ERR_V3_CERTIFICATE_EXPIRED', serial: cert.serial }),
      );
    }
    expect(store.serials()).toEqual([]);
  });

  it('prunes certificates whose validity ended, keeping public keys', () => {
    const store = new VerifierStore();
    store.addCertificate(cert, { now: inside });
    store.addPublicKey('PUB_KEY_ID_1', loadPublicKey(fixture('pubkey_mode_pub.pem')));
    expect(store.prune(new Date(cert.notAfter.getTime() + 1000))).toEqual([cert.serial]);
    expect(store.serials()).toEqual(['PUB_KEY_ID_1']);
  });

  it('refuses malformed ids and keys', () => {
    const store = new VerifierStore();
    expect(() => store.addPublicKey('', fixture('pubkey_mode_pub.pem'))).toThrow(TypeError);
    expect(() => store.addPublicKey('PUB KEY', fixture('pubkey_mode_pub.pem'))).toThrow(TypeError);
    expect(() => store.addPublicKey('PUB_KEY_ID_1', {} as never)).toThrow(TypeError);
  });
});
