import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureCode, keyFile, runBytes } from './hardening-io.ts';

describe('how failures are reported', () => {
  it('a plaintext too long for RSA-OAEP is a usage error naming plaintext, not a Node code', async () => {
    const result = await runBytes(
      ['v3', 'encrypt-field', '--public-key', keyFile('platform_pub.pem')],
      'a'.repeat(300),
    );
    expect(result.code).toBe(2);
    expect(failureCode(result)).toBe('ERR_CLI_INVALID_ARGUMENT');
    expect(result.stderr).toMatch(/plaintext: at most 214/);
    expect(result.stderr).not.toMatch(/ERR_OSSL/);
  });

  it('a directory given as a body file is exit 2 naming the path', async () => {
    const dir = join(import.meta.dirname, '.');
    const result = await runBytes([
      'v3',
      'authorization',
      '--mchid',
      '1900000001',
      '--serial',
      'ABC',
      '--private-key',
      dir,
      '--method',
      'GET',
      '--url',
      '/v3/x',
    ]);
    expect(result.code).toBe(2);
    expect(failureCode(result)).toBe('ERR_CLI_USAGE');
    expect(result.stderr).toMatch(/--private-key/);
  });

  it('a library error keeps its own code and exit status', async () => {
    const result = await runBytes(
      ['v2', 'verify', '--key', 'abcdefghijklmnopqrstuvwxyz012345'],
      '<xml><a>1</a><sign>00</sign></xml>',
    );
    expect(result.code).toBe(1);
    expect(failureCode(result)).toMatch(/^ERR_V2_/);
  });
});
