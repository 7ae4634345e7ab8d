import {
  buildAuthorization,
  decryptField,
  decryptResource,
  encryptField,
  type Resource,
  verifySignature,
} from '@qqwxpay/codec-v3';
import type { Command, Flags } from '../command.ts';
import {
  type CliIo,
  readBodyFile,
  readStdinJsonObject,
  readStdinLine,
  readStdinText,
} from '../io.ts';
import {
  encryptionKeyFromFlags,
  nowFromFlags,
  privateKeyFromFlags,
  verifiersFromFlags,
} from '../keys.ts';
import { UsageError } from '../usage-error.ts';

/** A string flag the dispatcher already required. */
function text(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string') throw new UsageError(`--${name} needs a value`);
  return value;
}

/** Reads `--body-file` (`-` is standard input); an unreadable file is a usage error. */
async function readBody(io: CliIo, path: string | undefined): Promise<Uint8Array> {
  try {
    return await readBodyFile(io, path);
  } catch {
    throw new UsageError('cannot read the --body-file file');
  }
}

/** An optional string flag. */
function optional(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

const v3Authorization: Command = {
  words: ['v3', 'authorization'],
  summary: 'print the Authorization header of a V3 request (--url: path and query as sent)',
  flags: {
    mchid: 'string',
    serial: 'string',
    'private-key': 'string',
    passphrase: 'string',
    method: 'string',
    url: 'string',
    'body-file': 'string',
    timestamp: 'string',
    nonce: 'string',
  },
  required: ['mchid', 'serial', 'private-key', 'method', 'url'],
  async run(flags, io) {
    const privateKey = await privateKeyFromFlags(flags);
    const body = await readBody(io, optional(flags, 'body-file'));
    const timestamp = optional(flags, 'timestamp');
    const nonce = optional(flags, 'nonce');
    const header = buildAuthorization({
      mchid: text(flags, 'mchid'),
      serial: text(flags, 'serial'),
      privateKey,
      method: text(flags, 'method'),
      url: text(flags, 'url'),
      body,
      ...(timestamp === undefined ? {} : { timestamp }),
      ...(nonce === undefined ? {} : { nonce }),
    });
    io.stdout(`${header}\n`);
    return 0;
  },
};

const v3Verify: Command = {
  words: ['v3', 'verify'],
  summary: 'verify a V3 response or callback signature over the body; the exit status tells',
  flags: {
    certificate: 'string',
    'public-key': 'string',
    'public-key-id': 'string',
    timestamp: 'string',
    nonce: 'string',
    signature: 'string',
    serial: 'string',
    now: 'string',
    'body-file': 'string',
  },
  required: ['timestamp', 'nonce', 'signature', 'serial'],
  async run(flags, io) {
    const now = nowFromFlags(flags);
    const verifiers = await verifiersFromFlags(flags, now);
    const bodyFile = optional(flags, 'body-file');
    const body = bodyFile === undefined ? await io.readStdin() : await readBody(io, bodyFile);
    const headers = {
      'Wechatpay-Timestamp': text(flags, 'timestamp'),
      'Wechatpay-Nonce': text(flags, 'nonce'),
      'Wechatpay-Signature': text(flags, 'signature'),
      'Wechatpay-Serial': text(flags, 'serial'),
    };
    verifySignature({ headers, body }, { verifiers, ...(now === undefined ? {} : { now }) });
    return 0;
  },
};

const v3Decrypt: Command = {
  words: ['v3', 'decrypt'],
  summary: 'decrypt an AEAD_AES_256_GCM resource JSON object; prints the plaintext verbatim',
  flags: { 'apiv3-key': 'string' },
  required: ['apiv3-key'],
  async run(flags, io) {
    const key = text(flags, 'apiv3-key');
    const resource = await readResource(io);
    io.stdout(`${decryptResource(resource, key)}\n`);
    return 0;
  },
};

const v3EncryptField: Command = {
  words: ['v3', 'encrypt-field'],
  summary: 'encrypt standard input with RSA-OAEP (SHA-1) under --certificate or --public-key',
  flags: { certificate: 'string', 'public-key': 'string' },
  async run(flags, io) {
    const key = await encryptionKeyFromFlags(flags);
    const plaintext = await readStdinText(io);
    io.stdout(`${encryptField(plaintext, key)}\n`);
    return 0;
  },
};

const v3DecryptField: Command = {
  words: ['v3', 'decrypt-field'],
  summary: 'decrypt a base64 RSA-OAEP (SHA-1) field with the merchant private key',
  flags: { 'private-key': 'string', passphrase: 'string' },
  required: ['private-key'],
  async run(flags, io) {
    const privateKey = await privateKeyFromFlags(flags);
    const ciphertext = await readStdinLine(io);
    io.stdout(`${decryptField(ciphertext, privateKey)}\n`);
    return 0;
  },
};

/** Reads standard input as a resource object; the library checks its fields. */
async function readResource(io: CliIo): Promise<Resource> {
  return (await readStdinJsonObject(io)) as unknown as Resource;
}

/** The `v3 …` commands. */
export const v3Commands: readonly Command[] = [
  v3Authorization,
  v3Verify,
  v3Decrypt,
  v3EncryptField,
  v3DecryptField,
];
