import { V2_ERROR_CODES, V2Error } from '@qqwxpay/codec-v2';
import { V3_ERROR_CODES, V3Error } from '@qqwxpay/codec-v3';
import { NOTIFY_ERROR_CODES, NotifyError } from '@qqwxpay/notify-verify';
import { QQ_PROXY_ERROR_CODES, QqProxyError } from '@qqwxpay/proxy-url';

/** What a verify function did with one input. */
export type Outcome<T> =
  | { accepted: true; value: T }
  | { accepted: false; code: string; error: Error };

/** A throw that is neither a package's typed error nor a caller-mistake TypeError/RangeError. */
export class UnexpectedThrow extends Error {
  constructor(readonly thrown: unknown) {
    super(`unexpected throw: ${describeThrown(thrown)}`);
    this.name = 'UnexpectedThrow';
  }
}

/** The stable code of one of the packages' typed errors, or undefined for anything else. */
export function typedCode(error: unknown): string | undefined {
  if (error instanceof V2Error && (V2_ERROR_CODES as readonly string[]).includes(error.code)) {
    return error.code;
  }
  if (error instanceof V3Error && V3_ERROR_CODES.includes(error.code)) return error.code;
  if (error instanceof NotifyError && NOTIFY_ERROR_CODES.includes(error.code)) return error.code;
  if (error instanceof QqProxyError && QQ_PROXY_ERROR_CODES.includes(error.code)) {
    return error.code;
  }
  return undefined;
}

/**
 * Runs `fn` on untrusted input: a value is an acceptance, a typed error a refusal, anything
 * else (TypeError and RangeError included, since untrusted data is never a caller mistake)
 * an {@link UnexpectedThrow}.
 */
export function attempt<T>(fn: () => T): Outcome<T> {
  try {
    return { accepted: true, value: fn() };
  } catch (error) {
    const code = typedCode(error);
    if (code === undefined) throw new UnexpectedThrow(error);
    return { accepted: false, code, error: error as Error };
  }
}

/** Like {@link attempt}, for async functions. */
export async function attemptAsync<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { accepted: true, value: await fn() };
  } catch (error) {
    const code = typedCode(error);
    if (code === undefined) throw new UnexpectedThrow(error);
    return { accepted: false, code, error: error as Error };
  }
}

function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message.slice(0, 200)}`;
  return typeof thrown;
}
