import { constants, publicEncrypt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrictJson } from '../src/json-input.ts';
import { failureCode, keyFile, runBytes, V2_KEY } from './hardening-io.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('invalid UTF-8 on standard input', () => {
  it('is refused with ERR_CLI_INPUT_NOT_UTF8, never replaced with U+FFFD and signed', async () => {
    const cases: [string[], Uint8Array][] = [
      [['v2', 'sign', '--key', V2_KEY], bytes('{"a":"', [0xff], '"}')],
      [['v3', 'encrypt-field', '--public-key', keyFile('platform_pub.pem')], bytes([0xc3, 0x28])],
      [['v3', 'decrypt', '--apiv3-key', V2_KEY], bytes('{"nonce":"', [0xed, 0xa0, 0x80], '"}')],
    ];
    for (const [argv, stdin] of cases) {
      const result = await runBytes(argv, stdin);
      expect(result.code).toBe(2);
      expect(failureCode(result)).toBe('ERR_CLI_INPUT_NOT_UTF8');
    }
  });
});

describe('a UTF-8 byte order mark before JSON input', () => {
  it('is accepted and dropped: the signature is the one without it', async () => {
    const json = '{"appid":"wx1","total_fee":"1"}';
    const plain = await runBytes(['v2', 'sign', '--key', V2_KEY], json);
    const bom = await runBytes(['v2', 'sign', '--key', V2_KEY], `\uFEFF${json}`);
    expect(plain.code).toBe(0);
    expect(bom).toEqual(plain);
  });

  it('is accepted in --headers-json too', () => {
    expect(parseStrictJson('\uFEFF{"a":1}', 'x')).toEqual({ a: 1 });
  });
});

describe('duplicate keys in JSON input', () => {
  it('are refused naming the key, not resolved to the last value', async () => {
    const json = '{"total_fee":"1","body":"x","total_fee":"100"}';
    const result = await runBytes(['v2', 'sign', '--key', V2_KEY], json);
    expect(result.code).toBe(2);
    expect(failureCode(result)).toBe('ERR_CLI_JSON_DUPLICATE_KEY');
    expect(result.stderr).toMatch(/"total_fee"/);
  });

  it('are found at any depth and through escapes, and only within one object', () => {
    expect(() => parseStrictJson('{"a":{"b":1,"\\u0062":2}}', 'x')).toThrow(/"b" appears twice/);
    expect(() => parseStrictJson('[{"a":1},{"a":2,"a":3}]', 'x')).toThrow(/"a"/);
    expect(parseStrictJson('{"a":{"a":1},"b":[{"a":2}],"c":"\\"a\\":"}', 'x')).toEqual({
      a: { a: 1 },
      b: [{ a: 2 }],
      c: '"a":',
    });
  });

  it('are refused by order v3, notify v3 --headers-json and v3 decrypt', async () => {
    const runs = [
      runBytes(
        [
          'order',
          'v3',
          '--api',
          'v3-h5',
          '--qq-appid',
          '1109999999',
          '--access-token',
          'T',
          '--private-key',
          keyFile('merchant_key.pem'),
          '--serial',
          'S',
        ],
        '{"amount":{"total":1,"total":100}}',
      ),
      runBytes(
        ['notify', 'v3', '--apiv3-key', V2_KEY, '--public-key', keyFile('platform_pub.pem')].concat(
          ['--public-key-id', 'P', '--headers-json', '{"a":"1","a":"2"}'],
        ),
        '{}',
      ),
      runBytes(['v3', 'decrypt', '--apiv3-key', V2_KEY], '{"nonce":"a","nonce":"b"}'),
    ];
    for (const result of await Promise.all(runs)) {
      expect(failureCode(result)).toBe('ERR_CLI_JSON_DUPLICATE_KEY');
      expect(result.code).toBe(2);
    }
  });

  it('property: a JSON object without repeated keys parses as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(parseStrictJson(text, 'x')).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('base64 on standard input', () => {
  const ciphertext = publicEncrypt(
    {
      key: readFileSync(keyFile('platform_pub.pem')),
      padding: constants.RSA_PKCS1_OAEP_PADDING,
      oaepHash: 'sha1',
    },
    Buffer.from('secret'),
  ).toString('base64');
  const decryptField = ['v3', 'decrypt-field', '--private-key', keyFile('platform_key.pem')];

  it('accepts one trailing LF or CRLF, consistently', async () => {
    for (const ending of ['', '\n', '\r\n']) {
      const result = await runBytes(decryptField, `${ciphertext}${ending}`);
      expect(result).toEqual({ code: 0, stdout: 'secret\n', stderr: '' });
    }
  });

  it('refuses any other surrounding whitespace, in v3 decrypt-field and v2 decrypt-refund', async () => {
    for (const padded of [` ${ciphertext}`, `${ciphertext}\n\n`, `${ciphertext} \n`]) {
      const result = await runBytes(decryptField, padded);
      expect(result.code).not.toBe(0);
      expect(result.stdout).toBe('');
    }
    const refund = await runBytes(['v2', 'decrypt-refund', '--key', V2_KEY], ' AAAA\n');
    expect(refund.code).toBe(2);
  });
});
