import { token } from '../internal/ids.ts';

interface Issued {
  appId: string;
  expiresAt: number;
}

/** How a presented access token fared. */
export type TokenCheck = 'valid' | 'unknown' | 'expired' | 'other-app';

/** The access tokens QQ's `getToken` issued, each with its expiry. */
export class TokenStore {
  readonly #issued = new Map<string, Issued>();
  readonly #ttlSeconds: number;
  readonly #now: () => number;

  constructor(ttlSeconds: number, now: () => number) {
    this.#ttlSeconds = ttlSeconds;
    this.#now = now;
  }

  /** Issues a fresh token for `appId`; earlier ones stay valid until they expire. */
  issue(appId: string): { accessToken: string; expiresIn: number } {
    const accessToken = token(64);
    this.#issued.set(accessToken, { appId, expiresAt: this.#now() + this.#ttlSeconds * 1000 });
    return { accessToken, expiresIn: this.#ttlSeconds };
  }

  /** Checks a token presented together with `appId`. */
  check(appId: string, accessToken: string): TokenCheck {
    const issued = this.#issued.get(accessToken);
    if (issued === undefined) return 'unknown';
    if (issued.appId !== appId) return 'other-app';
    if (this.#now() >= issued.expiresAt) return 'expired';
    return 'valid';
  }

  /** Makes every token issued so far expire now. */
  expireAll(): void {
    const now = this.#now();
    for (const issued of this.#issued.values()) issued.expiresAt = Math.min(issued.expiresAt, now);
  }
}
