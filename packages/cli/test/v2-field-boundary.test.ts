import { encodeXml, signXml } from '@qqwxpay/codec-v2';
import { describe, expect, test } from 'vitest';
import { runBytes as run } from './hardening-io.ts';

const KEY = 'Qs7vT2mX9pL4kW8nR3cY6bH1jF5dZ0aE';

describe('qqwxpay v2 verify and notify v2: a signed field merged into the one before it', () => {
  const params = {
    return_code: 'SUCCESS',
    result_code: 'SUCCESS',
    appid: 'wx2421b1c4370ec43b',
    mch_id: '10000100',
    nonce_str: 'abc123',
    out_trade_no: 'T20261204000001',
    total_fee: '9900',
  };
  const sign = /<sign><!\[CDATA\[(\w+)\]\]>/.exec(signXml(params, KEY))?.[1] as string;
  const { result_code: _folded, ...rest } = params;
  const merged = encodeXml({
    ...rest,
    out_trade_no: `${params.out_trade_no}&result_code=SUCCESS`,
    sign,
  });

  test.each([[['v2', 'verify', '--key', KEY]], [['notify', 'v2', '--key', KEY]]])(
    '%j exits 1 with ERR_V2_SIGNATURE_AMBIGUOUS',
    async (argv) => {
      const result = await run(argv, merged);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^qqwxpay: ERR_V2_SIGNATURE_AMBIGUOUS: [^\n]+\n$/);
    },
  );
});
