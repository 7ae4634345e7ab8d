import type { SignType } from '@qqwxpay/codec-v2';
import { openV2Notification, openV3Notification } from '@qqwxpay/notify-verify';
import type { Command, Flags } from '../command.ts';
import { parseStrictJsonObject } from '../json-input.ts';
import { nowFromFlags, verifiersFromFlags } from '../keys.ts';
import { UsageError } from '../usage-error.ts';

/** Reads `--headers-json`: a JSON object of header names to string (or number) values. */
function headersFlag(flags: Flags): Record<string, string> {
  const text = flags['headers-json'];
  if (typeof text !== 'string') throw new UsageError('--headers-json needs a JSON object');
  const parsed = parseStrictJsonObject(text, '--headers-json');
  const headers: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value === 'string') headers[name] = value;
    else if (typeof value === 'number' && Number.isSafeInteger(value))
      headers[name] = String(value);
    else throw new UsageError(`--headers-json: header ${JSON.stringify(name)} must be a string`);
  }
  return headers;
}

/** Reads a flag holding a positive integer, when given. */
function integerFlag(flags: Flags, name: string): number | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[0-9]{1,10}$/.test(value)) {
    throw new UsageError(`--${name} must be a whole number`);
  }
  return Number(value);
}

function signTypeFlag(flags: Flags): SignType | undefined {
  const value = flags['sign-type'];
  if (value === undefined) return undefined;
  if (value === 'MD5' || value === 'HMAC-SHA256') return value;
  throw new UsageError('--sign-type must be MD5 or HMAC-SHA256');
}

function textFlag(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string' || value === '')
    throw new UsageError(`--${name} must not be empty`);
  return value;
}

const notifyV3: Command = {
  words: ['notify', 'v3'],
  summary:
    'verify a raw V3 callback body against --headers-json, then print its decrypted resource as JSON',
  flags: {
    'apiv3-key': 'string',
    certificate: 'string',
    'public-key': 'string',
    'public-key-id': 'string',
    'headers-json': 'string',
    now: 'string',
    'window-seconds': 'string',
    'max-bytes': 'string',
  },
  required: ['apiv3-key', 'headers-json'],
  async run(flags, io) {
    const apiV3Key = textFlag(flags, 'apiv3-key');
    const headers = headersFlag(flags);
    const now = nowFromFlags(flags);
    const windowSeconds = integerFlag(flags, 'window-seconds');
    const maxBytes = integerFlag(flags, 'max-bytes');
    const verifiers = await verifiersFromFlags(flags, now);

    const opened = openV3Notification(
      { body: await io.readStdin(), headers },
      {
        apiV3Key,
        verifiers,
        ...(now === undefined ? {} : { now }),
        ...(windowSeconds === undefined ? {} : { windowSeconds }),
        ...(maxBytes === undefined ? {} : { maxBytes }),
      },
    );
    // verbatim, as `v3 decrypt` prints it: no re-serialisation changes a number or an escape
    io.stdout(`${opened.plaintext.replace(/[\r\n]+$/, '')}\n`);
    return 0;
  },
};

const notifyV2: Command = {
  words: ['notify', 'v2'],
  summary:
    'verify a raw V2 callback (payment: signature; refund: req_info decrypts); print the authentic fields as JSON',
  flags: { key: 'string', 'sign-type': 'string', 'max-bytes': 'string' },
  required: ['key'],
  async run(flags, io) {
    const key = textFlag(flags, 'key');
    const signType = signTypeFlag(flags);
    const maxBytes = integerFlag(flags, 'max-bytes');

    const event = openV2Notification(
      { body: await io.readStdin() },
      {
        key,
        ...(signType === undefined ? {} : { signType }),
        ...(maxBytes === undefined ? {} : { maxBytes }),
      },
    );
    // a refund's outer fields carry no signature: only the decrypted req_info is printed
    const fields = event.kind === 'refund' ? event.refund : event.fields;
    io.stdout(`${JSON.stringify(fields)}\n`);
    return 0;
  },
};

/** The callback commands: `notify v3` and `notify v2`. */
export const notifyCommands: readonly Command[] = [notifyV3, notifyV2];
