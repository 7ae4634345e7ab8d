import type { HttpRequest } from '@qqwxpay/codec-v3';
import { abridge, type Exchange, mask } from './exchange.ts';

function describeBody(headers: Headers, text: string): string {
  if (!(headers.get('content-type') ?? '').startsWith('text/html')) return text;
  const heading = /<h1[^>]*>([^<]*)<\/h1>/.exec(text)?.[1] ?? '';
  return `HTML page "${heading}" (${text.length} bytes)`;
}

/** The real origins the merchant code names, and where the demo sends them instead. */
export interface Origins {
  qq: string;
  wechat: string;
  h5: string;
  qqBaseUrl: string;
  wechatBaseUrl: string;
}

/** An answer as the libraries read it. */
export interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

/**
 * Sends the merchant's requests. The libraries address QQ and WeChat Pay by their real
 * origins (`https://api.q.qq.com`, `https://api.mch.weixin.qq.com`); the sender swaps each for
 * the sandbox's loopback address, sends the exact headers and body, and records the exchange.
 */
export class Sender {
  readonly exchanges: Exchange[] = [];
  readonly #origins: Origins;

  constructor(origins: Origins) {
    this.#origins = origins;
  }

  /** Where a URL of the real services goes on loopback; any other origin is refused. */
  local(url: string): { url: string; to: 'qq' | 'wechat' | 'h5' } {
    const { origin, pathname, search } = new URL(url);
    const rest = `${pathname}${search}`;
    if (origin === this.#origins.qq) return { url: this.#origins.qqBaseUrl + rest, to: 'qq' };
    if (origin === this.#origins.wechat) {
      return { url: this.#origins.wechatBaseUrl + rest, to: 'wechat' };
    }
    if (origin === this.#origins.h5) return { url: this.#origins.wechatBaseUrl + rest, to: 'h5' };
    throw new RangeError(`the demo sends nothing to ${origin}`);
  }

  /** Sends one request and records it; resolves to the raw answer. */
  async send(request: HttpRequest): Promise<Answer> {
    const { url, to } = this.local(request.url);
    const started = performance.now();
    const body = request.method === 'GET' ? undefined : request.body;
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    const target = new URL(url);
    this.exchanges.push({
      direction: to === 'qq' ? 'merchant→qq' : to === 'wechat' ? 'merchant→wechat' : 'user→wechat',
      method: request.method,
      target: mask(`${target.pathname}${target.search}`),
      status: response.status,
      request: abridge(mask(typeof body === 'string' ? body : '')),
      response: abridge(mask(describeBody(response.headers, text))),
      ms: Math.round(performance.now() - started),
    });
    return { status: response.status, headers: response.headers, body: text };
  }

  /** The exchanges recorded since `mark` (a previous length of {@link exchanges}). */
  since(mark: number): Exchange[] {
    return this.exchanges.slice(mark);
  }
}
