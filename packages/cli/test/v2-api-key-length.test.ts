import { describe, expect, it } from 'vitest';
import { failureCode, runBytes, V2_KEY } from './hardening-io.ts';

describe('the V2 API key', () => {
  it('of 3 characters, or 32 plus a newline, is exit 2 and never echoed', async () => {
    for (const [key, got] of [
      ['abc', 3],
      [`${V2_KEY}\n`, 33],
    ] as const) {
      const result = await runBytes(['v2', 'sign', '--key', key], '{"a":"1"}');
      expect(result.code).toBe(2);
      expect(failureCode(result)).toBe('ERR_CLI_INVALID_ARGUMENT');
      expect(result.stderr).toMatch(`got ${got}`);
      expect(result.stderr).not.toMatch(key.trim());
    }
  });

  it('of exactly 32 printable ASCII characters signs', async () => {
    const result = await runBytes(['v2', 'sign', '--key', V2_KEY], '{"a":"1"}');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[0-9A-F]{32}\n$/);
  });
});
