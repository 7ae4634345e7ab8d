import { decryptResource, encryptResource, V3Error } from '@qqwxpay/codec-v3';
import { describe, expect, it } from 'vitest';

const key = 'f3K9wP2xV7mQ4tL8nB6cR1yH5jD0sZ3a';

describe('V3 resources: the strict base64 check does not overflow the stack on a multi-megabyte value', () => {
  it('refuses an 8 MB ciphertext with a V3Error, not a stack overflow', () => {
    const resource = encryptResource('{}', key);
    let thrown: unknown;
    try {
      decryptResource({ ...resource, ciphertext: 'QUFB'.repeat(2 * 1024 * 1024) }, key);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(V3Error);
  });
});
