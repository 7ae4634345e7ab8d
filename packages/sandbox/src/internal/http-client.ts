import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** An outgoing request: the headers are sent exactly as given, plus Host and Content-Length. */
export interface Outgoing {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
  timeoutMs: number;
}

/** The answer to an {@link Outgoing} request. */
export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Sends one request with node:http(s) and reads the whole answer. Unlike fetch it adds no
 * headers of its own, so what a forwarder passes on is what it received.
 */
export function send(outgoing: Outgoing): Promise<Answer> {
  const url = new URL(outgoing.url);
  const body = Buffer.from(outgoing.body);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: outgoing.method,
        headers: { ...outgoing.headers, 'Content-Length': String(body.length) },
        timeout: outgoing.timeoutMs,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${outgoing.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'proxy-connection',
  'te',
  'trailer',
]);

/** The end-to-end headers of a message, as one string each, for passing it on unchanged. */
export function endToEndHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name.toLowerCase())) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** True when `url` names a loopback host: the only targets the sandbox sends to by default. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
