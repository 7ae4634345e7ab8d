import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  type LoadedCertificate,
  loadCertificate,
  loadPrivateKey,
  loadPublicKey,
  VerifierStore,
} from '@qqwxpay/codec-v3';
import type { Flags } from './command.ts';
import { UsageError } from './usage-error.ts';

/** Reads the file a key flag names; a missing or unreadable file is a usage error. */
export async function readKeyFile(flags: Flags, name: string): Promise<Buffer> {
  const path = flags[name];
  if (typeof path !== 'string' || path === '') throw new UsageError(`--${name} needs a file path`);
  try {
    return await readFile(path);
  } catch {
    throw new UsageError(`cannot read the --${name} file`);
  }
}

/** The merchant private key from `--private-key` (PEM or PKCS#12) and `--passphrase`. */
export async function privateKeyFromFlags(flags: Flags): Promise<KeyObject> {
  const bytes = await readKeyFile(flags, 'private-key');
  const passphrase = flags.passphrase;
  if (passphrase !== undefined && typeof passphrase !== 'string') {
    throw new UsageError('--passphrase needs a value');
  }
  return loadPrivateKey(bytes, passphrase === undefined ? {} : { passphrase });
}

/** The certificate from `--certificate`. */
export async function certificateFromFlags(flags: Flags): Promise<LoadedCertificate> {
  return loadCertificate(await readKeyFile(flags, 'certificate'));
}

/** The public key from `--public-key`. */
export async function publicKeyFromFlags(flags: Flags): Promise<KeyObject> {
  return loadPublicKey(await readKeyFile(flags, 'public-key'));
}

/** The encryption key of `(--certificate FILE | --public-key FILE)`, exactly one of them. */
export async function encryptionKeyFromFlags(flags: Flags): Promise<KeyObject> {
  const which = exactlyOne(flags, ['certificate', 'public-key']);
  if (which === 'certificate') return (await certificateFromFlags(flags)).publicKey;
  return publicKeyFromFlags(flags);
}

/**
 * A verifier store from `(--certificate FILE | --public-key FILE --public-key-id ID)`; the
 * certificate's validity is checked at `now`.
 */
export async function verifiersFromFlags(flags: Flags, now?: number): Promise<VerifierStore> {
  const which = exactlyOne(flags, ['certificate', 'public-key']);
  const store = new VerifierStore();
  if (which === 'certificate') {
    if (flags['public-key-id'] !== undefined) {
      throw new UsageError('--public-key-id goes with --public-key, not --certificate');
    }
    store.addCertificate(await certificateFromFlags(flags), now === undefined ? {} : { now });
    return store;
  }
  const id = flags['public-key-id'];
  if (typeof id !== 'string' || id === '')
    throw new UsageError('--public-key needs --public-key-id');
  store.addPublicKey(id, await publicKeyFromFlags(flags));
  return store;
}

/** Reads `--now` (Unix seconds) when given. */
export function nowFromFlags(flags: Flags): number | undefined {
  const value = flags.now;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[0-9]{1,11}$/.test(value)) {
    throw new UsageError('--now must be Unix seconds');
  }
  return Number(value);
}

function exactlyOne(flags: Flags, names: readonly string[]): string {
  const given = names.filter((name) => flags[name] !== undefined);
  if (given.length !== 1) {
    throw new UsageError(`give exactly one of ${names.map((n) => `--${n}`).join(', ')}`);
  }
  return given[0]!;
}
