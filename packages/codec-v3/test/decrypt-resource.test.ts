import { createDecipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptResource, encryptResource, V3Error } from '../src/index.ts';
import { shared } from './support/fixtures.ts';

const KEY = '0123456789abcdefghijABCDEFGHIJ01';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof V3Error) return error.code;
    if (error instanceof RangeError) return 'RangeError';
    throw error;
  }
  return 'ACCEPTED';
}

interface ContractCase {
  name: string;
  argv: string[];
  stdin: string;
  exit: number;
  stdout?: string;
}
const contract = (
  JSON.parse(shared('contract-check/cases.json').toString()).cases as ContractCase[]
).filter((c) => c.argv[0] === 'v3' && c.argv[1] === 'decrypt');

describe('decryptResource', () => {
  it.each(contract.map((c) => [c.name, c] as const))('contract vector: %s', (_, c) => {
    const key = c.argv[c.argv.indexOf('--apiv3-key') + 1]!;
    const resource = JSON.parse(c.stdin);
    if (c.exit === 0) expect(decryptResource(resource, key)).toBe(c.stdout);
    else expect(codeOf(() => decryptResource(resource, key))).toBe('ERR_V3_DECRYPT_FAILED');
  });

  it('round-trips with encryptResource, associated data absent meaning empty', () => {
    const sealed = encryptResource('{"trade_state":"SUCCESS"}', KEY, { nonce: 'abcdefghijkl' });
    expect(sealed.associated_data).toBe('');
    const { associated_data: _, ...withoutAad } = sealed;
    expect(decryptResource(withoutAad, KEY)).toBe('{"trade_state":"SUCCESS"}');
    expect(decryptResource(sealed, Buffer.from(KEY))).toBe('{"trade_state":"SUCCESS"}');
  });

  it('refuses another algorithm', () => {
    const sealed = encryptResource('x', KEY);
    expect(codeOf(() => decryptResource({ ...sealed, algorithm: 'AEAD_AES_128_GCM' }, KEY))).toBe(
      'ERR_V3_ALGORITHM_UNSUPPORTED',
    );
  });

  it.each(['abcdefghijk', 'abcdefghijklm', '', 'abcdefghijk中'])(
    'refuses the nonce %j',
    (nonce) => {
      const sealed = encryptResource('x', KEY);
      expect(codeOf(() => decryptResource({ ...sealed, nonce }, KEY))).toBe(
        'ERR_V3_RESOURCE_MALFORMED',
      );
    },
  );

  it('refuses a ciphertext that is not strict base64 or shorter than a tag', () => {
    const sealed = encryptResource('x', KEY);
    for (const ciphertext of [
      `${sealed.ciphertext}\n`,
      sealed.ciphertext.replace(/=+$/, ''),
      'AAAA',
    ]) {
      expect(codeOf(() => decryptResource({ ...sealed, ciphertext }, KEY))).toBe(
        'ERR_V3_RESOURCE_MALFORMED',
      );
    }
  });

  it('gives one vague message for every authentication failure', () => {
    const sealed = encryptResource('secret plaintext', KEY, { associatedData: 'transaction' });
    const messages = new Set<string>();
    for (const resource of [
      { ...sealed, associated_data: 'refund' },
      { ...sealed, nonce: 'abcdefghijkz' },
    ]) {
      try {
        decryptResource(resource, KEY);
      } catch (error) {
        messages.add((error as Error).message);
      }
    }
    try {
      decryptResource(sealed, 'X'.repeat(32));
    } catch (error) {
      messages.add((error as Error).message);
    }
    expect([...messages]).toEqual(['resource could not be decrypted']);
  });
});

describe('regression: stack overflow', () => {
  it('an 8 MB ciphertext fails to decrypt with a V3Error, not a RangeError from a regex', () => {
    const sealed = encryptResource('{}', KEY);
    const huge = { ...sealed, ciphertext: 'QUFB'.repeat(2 * 1024 * 1024) };
    expect(codeOf(() => decryptResource(huge, KEY))).toBe('ERR_V3_DECRYPT_FAILED');
  });
});

describe('regression: the APIv3 key', () => {
  it.each([31, 33, 40])('a key of %i bytes is a RangeError naming the APIv3 key', (length) => {
    const sealed = encryptResource('x', KEY);
    expect(() => decryptResource(sealed, 'k'.repeat(length))).toThrow(
      new RangeError(`apiV3Key: the APIv3 key must be 32 bytes, got ${length}`),
    );
  });

  it('a trailing newline or space is refused, never trimmed', () => {
    const sealed = encryptResource('x', KEY);
    expect(() => decryptResource(sealed, `${KEY}\n`)).toThrow(/APIv3 key must be 32 bytes, got 33/);
    expect(() => decryptResource(sealed, ` ${KEY}`)).toThrow(RangeError);
    expect(() => decryptResource(sealed, `${KEY.slice(0, 31)} `)).not.toThrow(RangeError);
  });

  it('the error never carries the key', () => {
    const bad = `${KEY}\n`;
    try {
      decryptResource(encryptResource('x', KEY), bad);
    } catch (error) {
      expect((error as Error).message).not.toContain(KEY);
    }
  });
});

describe('regression: a GCM implementation that skips the tag check', () => {
  it('a corrupted tag is refused here though decipher without final() returns the plaintext', () => {
    const sealed = encryptResource('{"amount":{"total":100}}', KEY, {
      associatedData: 'transaction',
      nonce: 'abcdefghijkl',
    });
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[bytes.length - 1]! ^= 0x01;
    const corrupted = { ...sealed, ciphertext: bytes.toString('base64') };

    const careless = createDecipheriv('aes-256-gcm', Buffer.from(KEY), Buffer.from('abcdefghijkl'));
    careless.setAAD(Buffer.from('transaction'));
    const leaked = careless.update(bytes.subarray(0, -16)).toString('utf8');
    expect(leaked).toBe('{"amount":{"total":100}}');

    expect(codeOf(() => decryptResource(corrupted, KEY))).toBe('ERR_V3_DECRYPT_FAILED');
  });

  it('a ciphertext whose tag was cut off is refused', () => {
    const sealed = encryptResource('{"amount":{"total":100}}', KEY);
    const bytes = Buffer.from(sealed.ciphertext, 'base64').subarray(0, -16);
    expect(
      codeOf(() => decryptResource({ ...sealed, ciphertext: bytes.toString('base64') }, KEY)),
    ).not.toBe('ACCEPTED');
  });
});

describe('properties', () => {
  const text = fc.string({ unit: 'grapheme', maxLength: 200 });
  const aad = fc.stringMatching(/^[a-z_]{0,16}$/);

  it('encrypt then decrypt gives the plaintext back', () => {
    fc.assert(
      fc.property(text, aad, (plaintext, associatedData) => {
        return (
          decryptResource(encryptResource(plaintext, KEY, { associatedData }), KEY) === plaintext
        );
      }),
      { numRuns: 100 },
    );
  });

  it('any flipped ciphertext, tag, nonce or associated-data byte fails', () => {
    fc.assert(
      fc.property(
        text,
        aad,
        fc.constantFrom('ciphertext', 'tag', 'nonce', 'aad'),
        fc.nat(),
        fc.integer({ min: 1, max: 127 }),
        (plaintext, associatedData, part, at, xor) => {
          const sealed = encryptResource(plaintext, KEY, { associatedData, nonce: 'NONCE0123456' });
          const bytes = Buffer.from(sealed.ciphertext, 'base64');
          const flip = (buf: Buffer, index: number) => {
            buf[index]! ^= xor;
            return buf;
          };
          let changed = sealed;
          if (part === 'ciphertext') {
            fc.pre(bytes.length > 16);
            changed = {
              ...sealed,
              ciphertext: flip(bytes, at % (bytes.length - 16)).toString('base64'),
            };
          } else if (part === 'tag') {
            changed = {
              ...sealed,
              ciphertext: flip(bytes, bytes.length - 16 + (at % 16)).toString('base64'),
            };
          } else if (part === 'nonce') {
            changed = {
              ...sealed,
              nonce: flip(Buffer.from(sealed.nonce), at % 12).toString('latin1'),
            };
            fc.pre(Buffer.byteLength(changed.nonce) === 12);
          } else {
            const aadBytes = Buffer.from(associatedData || 'x');
            changed = {
              ...sealed,
              associated_data: flip(aadBytes, at % aadBytes.length).toString('latin1'),
            };
            fc.pre(
              changed.associated_data !== associatedData &&
                Buffer.byteLength(changed.associated_data) === changed.associated_data.length,
            );
          }
          return codeOf(() => decryptResource(changed, KEY)) === 'ERR_V3_DECRYPT_FAILED';
        },
      ),
      { numRuns: 150 },
    );
  });
});
