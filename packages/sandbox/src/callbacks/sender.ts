import { decodeXml } from '@qqwxpay/codec-v2';
import type { SandboxEvent } from '../events.ts';
import { isLoopbackUrl, send } from '../internal/http-client.ts';
import { QQ_ORIGIN } from '../qq/proxy-order.ts';

/**
 * WeChat Pay's waits between callback attempts, in seconds: 15 s, 15 s, 30 s, 3 min, 10 min,
 * 20 min, 30 min three times, 1 h, 3 h three times, 6 h twice. Sixteen attempts in all.
 */
export const RETRY_SCHEDULE_SECONDS: readonly number[] = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10_800, 10_800, 10_800, 21_600, 21_600,
];

/** A callback to deliver: its protocol decides what counts as acknowledged. */
export interface Notification {
  /** What it is, for logs: `v2-payment`, `v3-payment`, `v2-refund`, `v3-refund`, `signtest`. */
  kind: string;
  protocol: 'v2' | 'v3';
  /** The `notify_url` as the order gave it; QQ's origin is served by the sandbox's QQ side. */
  url: string;
  body: string;
  /** The headers of one attempt (V3 signs each attempt afresh). */
  headers(): Record<string, string>;
  /** Send once, never retry (probes). */
  once?: boolean;
}

/** One try at delivering a callback. */
export interface DeliveryAttempt {
  /** When it was sent, in milliseconds since the epoch. */
  at: number;
  /** The HTTP status received, when an answer came. */
  status: number | undefined;
  /** Why no answer came, when none did. */
  error: string | undefined;
  acknowledged: boolean;
}

/** A callback's delivery: its attempts so far and how it ended. */
export interface Delivery {
  kind: string;
  attempts: DeliveryAttempt[];
  /** True once an attempt was acknowledged. */
  acknowledged: boolean;
  /** Resolves when an attempt was acknowledged, the schedule ran out, or the sandbox closed. */
  settled: Promise<Delivery>;
}

/** Options of {@link CallbackSender}. */
export interface CallbackSenderOptions {
  /** The sandbox's QQ side, known once it listens. */
  qqBaseUrl: () => string;
  timeScale: number;
  timeoutMs: number;
  allowRemote: boolean;
  now(): number;
  emit(event: SandboxEvent): void;
}

function acknowledged(protocol: 'v2' | 'v3', status: number, body: Buffer): boolean {
  if (protocol === 'v3') return status === 200 || status === 204;
  if (status !== 200) return false;
  try {
    return decodeXml(body).return_code === 'SUCCESS';
  } catch {
    return false;
  }
}

/** Sends callbacks and retries them on WeChat Pay's schedule, scaled by `timeScale`. */
export class CallbackSender {
  readonly #options: CallbackSenderOptions;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #pending = new Set<() => void>();
  #closed = false;

  constructor(options: CallbackSenderOptions) {
    this.#options = options;
  }

  /** Where an attempt really goes: QQ's origin becomes the sandbox's QQ side. */
  target(url: string): string | undefined {
    if (url.startsWith(`${QQ_ORIGIN}/`))
      return this.#options.qqBaseUrl() + url.slice(QQ_ORIGIN.length);
    if (this.#options.allowRemote || isLoopbackUrl(url)) return url;
    return undefined;
  }

  /** Starts delivering `notification`; the first attempt is sent at once. */
  deliver(notification: Notification): Delivery {
    let settle: () => void = () => undefined;
    const delivery: Delivery = {
      kind: notification.kind,
      attempts: [],
      acknowledged: false,
      settled: new Promise<Delivery>((resolve) => {
        settle = () => resolve(delivery);
      }),
    };
    this.#pending.add(settle);
    const finish = () => {
      this.#pending.delete(settle);
      settle();
    };
    const attempt = async (index: number): Promise<void> => {
      if (this.#closed) return finish();
      const result = await this.#attempt(notification);
      delivery.attempts.push(result);
      if (result.acknowledged) delivery.acknowledged = true;
      const wait = RETRY_SCHEDULE_SECONDS[index];
      if (result.acknowledged || notification.once || wait === undefined || this.#closed) {
        return finish();
      }
      const timer = setTimeout(
        () => {
          this.#timers.delete(timer);
          void attempt(index + 1);
        },
        wait * 1000 * this.#options.timeScale,
      );
      this.#timers.add(timer);
    };
    void attempt(0);
    return delivery;
  }

  async #attempt(notification: Notification): Promise<DeliveryAttempt> {
    const at = this.#options.now();
    const url = this.target(notification.url);
    if (url === undefined) {
      return { at, status: undefined, error: 'target not allowed', acknowledged: false };
    }
    try {
      const answer = await send({
        method: 'POST',
        url,
        headers: notification.headers(),
        body: notification.body,
        timeoutMs: this.#options.timeoutMs,
      });
      const ok = acknowledged(notification.protocol, answer.status, answer.body);
      this.#options.emit({
        side: 'callback',
        kind: notification.kind,
        path: new URL(url).pathname,
        status: answer.status,
        note: ok ? 'acknowledged' : 'not acknowledged',
      });
      return { at, status: answer.status, error: undefined, acknowledged: ok };
    } catch (error) {
      const message = error instanceof Error ? error.message : 'send failed';
      this.#options.emit({ side: 'callback', kind: notification.kind, note: message });
      return { at, status: undefined, error: message, acknowledged: false };
    }
  }

  /** Stops every retry; pending deliveries settle unacknowledged. */
  close(): void {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const settle of this.#pending) settle();
    this.#pending.clear();
  }
}
