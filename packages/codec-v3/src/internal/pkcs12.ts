import { createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { V3Error } from '../errors.ts';

const KEY_BAG_TYPES = [forge.pki.oids.pkcs8ShroudedKeyBag, forge.pki.oids.keyBag] as string[];

/**
 * Opens a PKCS#12 file (legacy PBE-SHA1-3DES/RC2 or PBES2 with AES) and returns its one
 * private key. node-forge is used only here: Node has no PKCS#12 reader.
 */
export function privateKeyFromPkcs12(der: Uint8Array, passphrase: string): KeyObject {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(der).toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, true, passphrase);
  } catch (cause) {
    throw new V3Error(
      'ERR_V3_KEY_INVALID',
      'PKCS#12 file could not be opened (wrong passphrase or damaged file)',
      { cause: new Error(safeMessage(cause)) },
    );
  }

  const keys: forge.pki.rsa.PrivateKey[] = [];
  for (const type of KEY_BAG_TYPES) {
    for (const bag of p12.getBags({ bagType: type })[type] ?? []) {
      if (bag.key) keys.push(bag.key as forge.pki.rsa.PrivateKey);
    }
  }
  if (keys.length !== 1) {
    throw new V3Error(
      'ERR_V3_KEY_INVALID',
      `PKCS#12 file holds ${keys.length} readable private keys, expected 1`,
    );
  }

  const info = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keys[0]!));
  const pkcs8 = Buffer.from(forge.asn1.toDer(info).getBytes(), 'binary');
  return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
}

function safeMessage(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  return text.slice(0, 120);
}
