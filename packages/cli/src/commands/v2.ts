import {
  decryptRefundInfo,
  type SignType,
  sign,
  type V2Params,
  verifyXml,
} from '@qqwxpay/codec-v2';
import type { Command, Flags } from '../command.ts';
import { type CliIo, readStdinJsonObject, readStdinLine } from '../io.ts';
import { UsageError } from '../usage-error.ts';

/** Reads `--key`, which the dispatcher already required. */
function keyFlag(flags: Flags): string {
  const key = flags.key;
  if (typeof key !== 'string' || key === '') throw new UsageError('--key must not be empty');
  return key;
}

/** Reads `--sign-type` when given. */
function signTypeFlag(flags: Flags): SignType | undefined {
  const value = flags['sign-type'];
  if (value === undefined) return undefined;
  if (value === 'MD5' || value === 'HMAC-SHA256') return value;
  throw new UsageError('--sign-type must be MD5 or HMAC-SHA256');
}

/** Reads `--max-bytes` when given. */
function maxBytesFlag(flags: Flags): { maxBytes?: number } {
  const value = flags['max-bytes'];
  if (value === undefined) return {};
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,9}$/.test(value)) {
    throw new UsageError('--max-bytes must be a positive integer');
  }
  return { maxBytes: Number(value) };
}

/**
 * Reads standard input as a JSON object whose values are strings or safe integers. Anything
 * else (null, booleans, fractions, nested objects) is refused, naming the field.
 */
async function readParams(io: CliIo): Promise<V2Params> {
  const parsed = await readStdinJsonObject(io);
  const params: Record<string, string | number> = Object.create(null);
  for (const [name, value] of Object.entries(parsed)) {
    const ok =
      typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value));
    if (!ok) {
      throw new UsageError(`${JSON.stringify(name)} must be a string or a safe integer`);
    }
    params[name] = value;
  }
  return params;
}

const v2Sign: Command = {
  words: ['v2', 'sign'],
  summary: 'sign a JSON object of V2 parameters; prints the upper-case hex signature',
  flags: { key: 'string', 'sign-type': 'string' },
  required: ['key'],
  async run(flags, io) {
    const key = keyFlag(flags);
    const signType = signTypeFlag(flags);
    const params = await readParams(io);
    io.stdout(`${sign(params, key, signType)}\n`);
    return 0;
  },
};

const v2Verify: Command = {
  words: ['v2', 'verify'],
  summary: 'verify V2 XML (sign_type picks the algorithm, MD5 when absent); prints its fields',
  flags: { key: 'string', 'sign-type': 'string', 'max-bytes': 'string' },
  required: ['key'],
  async run(flags, io) {
    const key = keyFlag(flags);
    const signType = signTypeFlag(flags);
    const options = { ...maxBytesFlag(flags), ...(signType ? { signType } : {}) };
    const fields = verifyXml(await io.readStdin(), key, options);
    io.stdout(`${JSON.stringify(fields)}\n`);
    return 0;
  },
};

const v2DecryptRefund: Command = {
  words: ['v2', 'decrypt-refund'],
  summary: 'decrypt the req_info of a V2 refund notification (base64); prints its fields',
  flags: { key: 'string' },
  required: ['key'],
  async run(flags, io) {
    const key = keyFlag(flags);
    const reqInfo = await readStdinLine(io);
    io.stdout(`${JSON.stringify(decryptRefundInfo(reqInfo, key))}\n`);
    return 0;
  },
};

/** The WeChat Pay V2 commands: `v2 sign`, `v2 verify`, `v2 decrypt-refund`. */
export const v2Commands: readonly Command[] = [v2Sign, v2Verify, v2DecryptRefund];
