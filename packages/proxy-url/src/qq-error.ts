import { QqProxyError, type QqProxyErrorCode } from './errors.ts';

/** QQ's own answer when it refuses a proxied request: `{"errcode": 9030, "errmsg": "…"}`. */
export interface QqEnvelope {
  /** QQ's error number; 0 means no error. */
  errcode: number;
  /** QQ's text, possibly empty. */
  errmsg: string;
}

/** What one of QQ's known proxy errors means and how to fix it. */
export interface QqErrorInfo {
  /** The {@link QqProxyError} code it becomes. */
  code: QqProxyErrorCode;
  /** What QQ is saying. */
  meaning: string;
  /** What to do about it. */
  remedy: string;
}

/** The proxy errors QQ documents, by `errcode`. */
export const QQ_ERRORS: Readonly<Record<number, QqErrorInfo>> = {
  9030: {
    code: 'ERR_QQ_9030',
    meaning: 'the WeChat Pay merchant id is not bound to this QQ mini program',
    remedy: "bind the merchant id in the QQ mini program developer console's WeChat Pay settings",
  },
  9031: {
    code: 'ERR_QQ_9031',
    meaning: "the order's notify_url is not QQ's notify URL for this order",
    remedy:
      'set notify_url to https://api.q.qq.com/wxpay/notify (V2) or ' +
      'https://api.q.qq.com/wxpay/v3/notify/{MCH_ID}/{OUT_TRADE_NO} (V3) and pass your own ' +
      'callback address as real_notify_url',
  },
  9032: {
    code: 'ERR_QQ_9032',
    meaning: 'WeChat Pay is not enabled for this QQ mini program',
    remedy: 'enable WeChat Pay in the QQ mini program developer console (open to some categories)',
  },
  9034: {
    code: 'ERR_QQ_9034',
    meaning: 'QQ could not parse the request body',
    remedy: 'send V2 orders as signed XML under <xml> and V3 orders as a JSON object',
  },
};

/**
 * Reads QQ's error envelope from an answer body: a JSON object with a numeric `errcode`.
 *
 * @param body - the raw answer body
 * @returns the envelope, or undefined when the body is not one (XML, WeChat Pay's JSON)
 * @example
 * ```ts
 * readQqEnvelope('{"errcode":9031,"errmsg":"notify_url error"}'); // { errcode: 9031, … }
 * ```
 */
export function readQqEnvelope(body: string | Uint8Array): QqEnvelope | undefined {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  if (!text.trimStart().startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const errcode = toInteger(record.errcode);
  if (errcode === undefined) return undefined;
  const errmsg = typeof record.errmsg === 'string' ? record.errmsg : '';
  return { errcode, errmsg };
}

/**
 * Turns QQ's error envelope into a {@link QqProxyError}: 9030, 9031, 9032 and 9034 get their
 * own code with the meaning and the remedy; any other code becomes `ERR_QQ_API` with QQ's text.
 *
 * @param envelope - QQ's envelope, with a non-zero `errcode`
 * @param status - the HTTP status of the answer, if known
 * @example
 * ```ts
 * qqProxyErrorFrom({ errcode: 9030, errmsg: '' }).code; // 'ERR_QQ_9030'
 * ```
 */
export function qqProxyErrorFrom(envelope: QqEnvelope, status?: number): QqProxyError {
  const info = QQ_ERRORS[envelope.errcode];
  const details = { errcode: envelope.errcode, errmsg: envelope.errmsg, status };
  if (info === undefined) {
    const text = envelope.errmsg === '' ? 'no errmsg' : envelope.errmsg.slice(0, 200);
    return new QqProxyError(
      'ERR_QQ_API',
      `QQ answered errcode ${envelope.errcode}: ${text}`,
      details,
    );
  }
  return new QqProxyError(
    info.code,
    `QQ refused the order (errcode ${envelope.errcode}): ${info.meaning}; ${info.remedy}`,
    { ...details, meaning: info.meaning, remedy: info.remedy },
  );
}

/**
 * Throws when an answer body is QQ's error envelope with a non-zero `errcode`.
 *
 * @param body - the raw answer body
 * @param status - the HTTP status of the answer, if known
 * @throws QqProxyError `ERR_QQ_9030`, `ERR_QQ_9031`, `ERR_QQ_9032`, `ERR_QQ_9034` or `ERR_QQ_API`
 * @example
 * ```ts
 * assertNoQqError(res.body, res.status);
 * ```
 */
export function assertNoQqError(body: string | Uint8Array, status?: number): void {
  const envelope = readQqEnvelope(body);
  if (envelope !== undefined && envelope.errcode !== 0) throw qqProxyErrorFrom(envelope, status);
}

function toInteger(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) return Number(value);
  return undefined;
}
