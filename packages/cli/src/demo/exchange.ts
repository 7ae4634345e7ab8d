/** One HTTP exchange of the demo, abridged for the transcript. */
export interface Exchange {
  /** Who sent it: the merchant to QQ or WeChat Pay, or WeChat Pay (through QQ) to the merchant. */
  direction:
    | 'merchant→qq'
    | 'merchant→wechat'
    | 'wechat→qq→merchant'
    | 'wechat→merchant'
    | 'user→wechat';
  method: string;
  /** Path and query, with tokens and secrets masked. */
  target: string;
  status: number;
  /** The request body, abridged. */
  request: string;
  /** The answer body, abridged. */
  response: string;
  ms: number;
}

const LIMIT = 150;

/** One line of at most 150 characters: white space collapsed, the middle cut with an ellipsis. */
export function abridge(text: string, limit: number = LIMIT): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= limit) return line;
  const head = Math.ceil((limit - 1) * 0.7);
  const tail = limit - 1 - head;
  return `${line.slice(0, head)}…${line.slice(line.length - tail)}`;
}

/** Masks what must not be printed: secrets entirely, access tokens after six characters. */
export function mask(target: string): string {
  return target
    .replace(/([?&]secret=)[^&]*/g, '$1***')
    .replace(/([?&]access_token=)([^&]{0,6})[^&]*/g, '$1$2…')
    .replace(/("access_token":")([^"]{0,6})[^"]*/g, '$1$2…');
}
