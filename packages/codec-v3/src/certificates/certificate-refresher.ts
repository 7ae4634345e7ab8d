import type { HttpRequest, HttpResponse } from '../http.ts';
import { nowSeconds } from '../internal/fields.ts';
import type { LoadedCertificate } from '../load-certificate.ts';
import type { RequestSigner } from '../request-signer.ts';
import { certificatesRequest } from '../requests/certificates.ts';
import type { VerifierStore } from '../verifier-store.ts';
import { parseCertificatesResponse } from './parse-certificates-response.ts';

/** Sends one HTTP request; the refresher owns no sockets (a `fetch` wrapper, a sandbox, a mock). */
export type SendRequest = (request: HttpRequest) => Promise<HttpResponse>;

/** Options of {@link CertificateRefresher}. */
export interface CertificateRefresherOptions {
  /** The store to keep up to date; certificates are merged in, never dropped while valid. */
  verifiers: VerifierStore;
  /** Signs the `GET /v3/certificates` request. */
  signer: RequestSigner;
  /** The 32-byte APIv3 key. */
  apiV3Key: string | Uint8Array;
  /** Sends the request. */
  send: SendRequest;
  /** Scheduled refresh interval in seconds; 12 hours by default. */
  intervalSeconds?: number;
  /** Least time between downloads caused by unknown serials, in seconds; 5 minutes by default. */
  unknownSerialIntervalSeconds?: number;
  /** The clock, Unix seconds; `Date.now()` by default. */
  clock?: () => number;
  /** Origin to download from instead of WeChat Pay's. */
  baseUrl?: string;
}

/**
 * Keeps a {@link VerifierStore} filled with WeChat Pay's platform certificates: downloads on a
 * schedule the caller drives ({@link refreshIfDue}), and on an unknown serial at most once per
 * interval ({@link refreshForSerial}), so a flood of forged serials cannot cause a download
 * storm. It starts no timers and never retries by itself.
 *
 * @example
 * ```ts
 * const refresher = new CertificateRefresher({ verifiers, signer, apiV3Key, send });
 * await refresher.refresh();
 * setInterval(() => void refresher.refreshIfDue().catch(report), 60_000);
 * ```
 */
export class CertificateRefresher {
  readonly #options: CertificateRefresherOptions;
  readonly #interval: number;
  readonly #unknownInterval: number;
  #lastScheduled = Number.NEGATIVE_INFINITY;
  #lastUnknown = Number.NEGATIVE_INFINITY;
  #inFlight: Promise<LoadedCertificate[]> | undefined;

  constructor(options: CertificateRefresherOptions) {
    this.#interval = seconds(options.intervalSeconds ?? 43_200, 'intervalSeconds');
    this.#unknownInterval = seconds(
      options.unknownSerialIntervalSeconds ?? 300,
      'unknownSerialIntervalSeconds',
    );
    if (typeof options.send !== 'function') throw new TypeError('send: expected a function');
    this.#options = options;
  }

  /**
   * Downloads and merges the certificates now; concurrent calls share one download.
   *
   * @returns the certificates the verified answer listed as valid
   * @throws V3ApiError or V3Error from {@link parseCertificatesResponse}; the store is unchanged
   */
  refresh(): Promise<LoadedCertificate[]> {
    this.#inFlight ??= this.#download().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  /**
   * Refreshes when the scheduled interval has passed since the last scheduled attempt; after a
   * failed attempt, once the unknown-serial interval has passed.
   *
   * @returns whether a download ran
   * @throws what {@link refresh} throws
   */
  async refreshIfDue(): Promise<boolean> {
    const now = this.#now();
    if (now - this.#lastScheduled < this.#interval) return false;
    this.#lastScheduled = now;
    try {
      await this.refresh();
    } catch (error) {
      // A failed download is retried after the shorter interval, not after a whole period.
      this.#lastScheduled = now - this.#interval + Math.min(this.#unknownInterval, this.#interval);
      throw error;
    }
    return true;
  }

  /**
   * Called on `ERR_V3_SERIAL_UNKNOWN`: downloads at most once per unknown-serial interval, then
   * says whether `serial` is known. Never loops; the caller verifies again once at most.
   *
   * @param serial - the serial that was not found
   * @returns whether the store now holds `serial`
   */
  async refreshForSerial(serial: string): Promise<boolean> {
    if (this.#options.verifiers.has(serial)) return true;
    const now = this.#now();
    if (now - this.#lastUnknown < this.#unknownInterval) return false;
    this.#lastUnknown = now;
    try {
      await this.refresh();
    } catch {
      return false;
    }
    return this.#options.verifiers.has(serial);
  }

  async #download(): Promise<LoadedCertificate[]> {
    const { signer, send, apiV3Key, verifiers, baseUrl } = this.#options;
    const request = signer.sign(certificatesRequest(baseUrl === undefined ? {} : { baseUrl }));
    const response = await send(request);
    const now = this.#now();
    const certificates = parseCertificatesResponse(response, { apiV3Key, verifiers, now });
    verifiers.prune(now);
    return certificates;
  }

  #now(): number {
    return this.#options.clock ? nowSeconds(this.#options.clock()) : nowSeconds(undefined);
  }
}

function seconds(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name}: expected a non-negative whole number of seconds`);
  }
  return value;
}
