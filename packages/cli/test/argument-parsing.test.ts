import { describe, expect, it } from 'vitest';
import { failureCode, keyFile, runBytes, V2_KEY } from './hardening-io.ts';

const params = '{"appid":"wx1","total_fee":"1"}';

describe('the command line itself', () => {
  it('no arguments is one usage line on stderr and exit 2, nothing on stdout', async () => {
    const result = await runBytes([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('qqwxpay: ERR_CLI_USAGE: no command given; run qqwxpay help\n');
    expect(result.stdout).toBe('');
  });

  it('help, --help and -h print help on stdout with exit 0', async () => {
    for (const argv of [['help'], ['--help'], ['-h'], ['v2', 'sign', '--help'], ['demo', '-h']]) {
      const result = await runBytes(argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/qqwxpay/);
      expect(result.stderr).toBe('');
    }
  });

  it('-h as the value of a string flag is not help', async () => {
    const base = ['v3', 'decrypt-field', '--private-key', keyFile('merchant_key.pem')];
    const spaced = await runBytes([...base, '--passphrase', '-h'], 'AAAA');
    expect(spaced.code).toBe(2);
    expect(failureCode(spaced)).toBe('ERR_CLI_USAGE');
    const joined = await runBytes([...base, '--passphrase=-h'], 'AAAA');
    expect(joined.stdout).toBe('');
    expect(failureCode(joined)).not.toBe('ERR_CLI_USAGE');
  });

  it('a flag given twice is a usage error, not last-wins', async () => {
    const result = await runBytes(['v2', 'sign', '--key', V2_KEY, '--key', V2_KEY], params);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--key given more than once/);
  });

  it('a stray word after a command is a usage error', async () => {
    for (const argv of [
      ['v2', 'sign', '--key', V2_KEY, 'extra'],
      ['notify-url', 'v2', 'extra'],
      ['demo', 'extra'],
      ['v2', 'sign', '--key', V2_KEY, '--', 'extra'],
    ]) {
      const result = await runBytes(argv, params);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^qqwxpay: ERR_CLI_USAGE: unexpected argument/);
    }
  });

  it('a stray word is not echoed, since it may be a key that lost its flag', async () => {
    const result = await runBytes(['v2', 'sign', '--sign-type', 'MD5', V2_KEY], params);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain(V2_KEY);
  });

  it('an empty flag value is a usage error naming the flag', async () => {
    const result = await runBytes([
      'v3',
      'verify',
      '--public-key',
      keyFile('platform_pub.pem'),
      '--public-key-id',
      'PUB_KEY_ID_1',
      '--timestamp',
      '',
      '--nonce',
      'n',
      '--signature',
      'AAAA',
      '--serial',
      'PUB_KEY_ID_1',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('qqwxpay: ERR_CLI_USAGE: --timestamp must not be empty\n');
    const joined = await runBytes(['v2', 'sign', `--key=`], params);
    expect(joined.stderr).toBe('qqwxpay: ERR_CLI_USAGE: --key must not be empty\n');
  });
});
