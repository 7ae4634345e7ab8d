import type { KeyObject } from 'node:crypto';
import { describe } from './internal/bytes.ts';
import { nowSeconds } from './internal/fields.ts';
import { assertKeyObject } from './internal/rsa-key.ts';
import { checkValidity } from './internal/validity.ts';
import { type LoadedCertificate, loadCertificate } from './load-certificate.ts';
import { loadPublicKey } from './load-public-key.ts';

/** A key WeChat Pay signs with, filed under the serial its `Wechatpay-Serial` names. */
export interface Verifier {
  /** The opaque serial: certificate serial (upper-case hex) or `PUB_KEY_ID_…`. */
  readonly serial: string;
  /** Where the key came from. */
  readonly kind: 'certificate' | 'public-key';
  /** The RSA public key. */
  readonly publicKey: KeyObject;
  /** Start of validity (certificates only). */
  readonly notBefore?: Date;
  /** End of validity (certificates only). */
  readonly notAfter?: Date;
}

/** Options of {@link VerifierStore.addCertificate}. */
export interface AddCertificateOptions {
  /** The time validity is checked against; the clock by default. */
  now?: Date | number;
}

const SERIAL = /^[\x21-\x7e]{1,128}$/;

/**
 * WeChat Pay's verification keys by serial: platform certificates and public keys side by side
 * (both live during a migration). Serials are opaque strings, compared exactly.
 *
 * @example
 * ```ts
 * const verifiers = new VerifierStore();
 * verifiers.addCertificate(readFileSync('wechatpay_platform.pem'));
 * verifiers.addPublicKey('PUB_KEY_ID_0114232134912410000000000000', readFileSync('pub_key.pem'));
 * ```
 */
export class VerifierStore {
  readonly #entries = new Map<string, Verifier>();

  /**
   * Adds a platform certificate under its own serial (upper-case hex).
   *
   * @param certificate - PEM text or bytes, or a certificate from {@link loadCertificate}
   * @param options - `now` for the validity check
   * @returns the stored verifier
   * @throws V3Error `ERR_V3_CERTIFICATE_EXPIRED` outside the validity period,
   *   `ERR_V3_CERTIFICATE_INVALID` when unreadable
   */
  addCertificate(
    certificate: string | Uint8Array | LoadedCertificate,
    options: AddCertificateOptions = {},
  ): Verifier {
    const cert =
      typeof certificate === 'string' || certificate instanceof Uint8Array
        ? loadCertificate(certificate)
        : certificate;
    assertKeyObject(cert.publicKey, 'public', 'certificate.publicKey');
    checkValidity(cert, nowSeconds(options.now));
    const verifier: Verifier = {
      serial: cert.serial,
      kind: 'certificate',
      publicKey: cert.publicKey,
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
    };
    this.#entries.set(cert.serial, verifier);
    return verifier;
  }

  /**
   * Adds a WeChat Pay public key under its id (`PUB_KEY_ID_…`), kept as given.
   *
   * @param id - the public key id, as WeChat Pay sends it in `Wechatpay-Serial`
   * @param key - PEM text or bytes, or a public KeyObject
   * @returns the stored verifier
   * @throws TypeError when `id` is empty or holds spaces or control characters
   * @throws V3Error `ERR_V3_KEY_INVALID` when the key is unreadable
   */
  addPublicKey(id: string, key: string | Uint8Array | KeyObject): Verifier {
    if (typeof id !== 'string' || !SERIAL.test(id)) {
      throw new TypeError(`id: expected 1-128 printable ASCII characters, got ${describe(id)}`);
    }
    const publicKey =
      typeof key === 'string' || key instanceof Uint8Array
        ? loadPublicKey(key)
        : assertKeyObject(key, 'public', 'key');
    const verifier: Verifier = { serial: id, kind: 'public-key', publicKey };
    this.#entries.set(id, verifier);
    return verifier;
  }

  /** The verifier filed under `serial`, compared exactly, or `undefined`. */
  get(serial: string): Verifier | undefined {
    return this.#entries.get(serial);
  }

  /** Whether a verifier is filed under `serial`. */
  has(serial: string): boolean {
    return this.#entries.has(serial);
  }

  /** Every serial held. */
  serials(): string[] {
    return [...this.#entries.keys()];
  }

  /** A new store holding the same verifiers (key objects shared, not copied). */
  copy(): VerifierStore {
    const store = new VerifierStore();
    for (const [serial, verifier] of this.#entries) store.#entries.set(serial, verifier);
    return store;
  }

  /** Removes the verifier under `serial`; returns whether there was one. */
  delete(serial: string): boolean {
    return this.#entries.delete(serial);
  }

  /** Removes certificates whose validity has ended at `now`; returns the serials removed. */
  prune(now?: Date | number): string[] {
    const at = nowSeconds(now);
    const removed: string[] = [];
    for (const [serial, verifier] of this.#entries) {
      if (verifier.notAfter && verifier.notAfter.getTime() / 1000 < at) {
        this.#entries.delete(serial);
        removed.push(serial);
      }
    }
    return removed;
  }
}
