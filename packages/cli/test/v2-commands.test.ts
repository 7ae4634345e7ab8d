import { readFileSync } from 'node:fs';
import { encryptRefundInfo, signXml } from '@qqwxpay/codec-v2';
import { describe, expect, test } from 'vitest';
import { runBytes as run } from './hardening-io.ts';

async function refused(
  argv: readonly string[],
  stdin: string | Uint8Array,
  exit: 1 | 2,
  code: string,
) {
  const result = await run(argv, stdin);
  expect(result.code).toBe(exit);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(new RegExp(`^qqwxpay: ${code}: [^\\n]+\\n$`));
}

const official = JSON.parse(
  readFileSync(
    new URL('../../../../shared/vectors/wechatpay-official.json', import.meta.url),
    'utf8',
  ),
).cases as { params: Record<string, string>; key: string; sign_type: string; sign: string }[];
const KEY = 'abcdefghijklmnopqrstuvwxyz012345';

describe('qqwxpay v2 sign', () => {
  test.each(official)('prints the official $sign_type signature', async (c) => {
    const result = await run(
      ['v2', 'sign', '--key', c.key, '--sign-type', c.sign_type],
      JSON.stringify(c.params),
    );
    expect(result).toEqual({ code: 0, stdout: `${c.sign}\n`, stderr: '' });
  });

  test('takes safe integers and writes them in decimal', async () => {
    const asText = await run(['v2', 'sign', '--key', KEY], '{"total_fee":"88","mch_id":"1"}');
    const asNumber = await run(['v2', 'sign', '--key', KEY], '{"total_fee":88,"mch_id":"1"}');
    expect(asNumber.stdout).toBe(asText.stdout);
  });

  test.each([
    ['null', '{"a":null}'],
    ['a boolean', '{"a":true}'],
    ['a fraction', '{"a":1.5}'],
    ['an unsafe integer', '{"a":9007199254740993}'],
    ['a nested object', '{"a":{"b":"c"}}'],
    ['an array', '{"a":["b"]}'],
  ])('refuses %s with exit 2', async (_, stdin) => {
    await refused(['v2', 'sign', '--key', KEY], stdin, 2, 'ERR_CLI_USAGE');
  });

  test.each([
    ['not JSON', '<xml/>'],
    ['a JSON array', '["a"]'],
    ['a JSON string', '"a"'],
  ])('refuses standard input that is %s with exit 2', async (_, stdin) => {
    await refused(['v2', 'sign', '--key', KEY], stdin, 2, 'ERR_CLI_USAGE');
  });

  test('refuses a value with a lone surrogate, naming the field, with exit 2', async () => {
    const result = await run(['v2', 'sign', '--key', KEY], '{"body":"\\ud800"}');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('body');
  });

  test('usage errors are exit 2', async () => {
    await refused(['v2', 'sign'], '{}', 2, 'ERR_CLI_USAGE');
    await refused(
      ['v2', 'sign', '--key', KEY, '--sign-type', 'SHA1'],
      '{"a":"1"}',
      2,
      'ERR_CLI_USAGE',
    );
    await refused(['v2', 'sign', '--key', ''], '{"a":"1"}', 2, 'ERR_CLI_USAGE');
  });
});

const notification = {
  return_code: 'SUCCESS',
  result_code: 'SUCCESS',
  appid: 'wx0000000000000001',
  mch_id: '1230000109',
  out_trade_no: '0000042',
  total_fee: '88',
  transaction_id: '4200000000202601150000000042',
  nonce_str: 'x1',
  attach: '商品',
};

describe('qqwxpay v2 verify', () => {
  test('prints every field as a string after the signature verified', async () => {
    const result = await run(['v2', 'verify', '--key', KEY], signXml(notification, KEY));
    expect(result.code).toBe(0);
    const fields = JSON.parse(result.stdout);
    expect(fields).toMatchObject(notification);
    for (const value of Object.values(fields)) expect(typeof value).toBe('string');
  });

  test('sign_type in the XML picks HMAC-SHA256', async () => {
    const result = await run(
      ['v2', 'verify', '--key', KEY],
      signXml(notification, KEY, 'HMAC-SHA256'),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).sign_type).toBe('HMAC-SHA256');
  });

  test('prints __proto__ as an ordinary field', async () => {
    const result = await run(
      ['v2', 'verify', '--key', KEY],
      signXml({ ...notification, ['__proto__']: 'p' }, KEY),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"__proto__":"p"');
  });

  test('a changed amount is exit 1', async () => {
    const forged = signXml(notification, KEY).replace('<![CDATA[88]]>', '<![CDATA[8800]]>');
    await refused(['v2', 'verify', '--key', KEY], forged, 1, 'ERR_V2_SIGNATURE_MISMATCH');
  });

  test('another key is exit 1, a missing sign is exit 1', async () => {
    await refused(
      ['v2', 'verify', '--key', 'another-key-of-32-characters-xyz'],
      signXml(notification, KEY),
      1,
      'ERR_V2_SIGNATURE_MISMATCH',
    );
    const unsigned = signXml(notification, KEY).replace(/<sign>.*<\/sign>/, '');
    await refused(['v2', 'verify', '--key', KEY], unsigned, 1, 'ERR_V2_SIGNATURE_MISSING');
  });

  test.each([
    ['a DOCTYPE', (x: string) => `<!DOCTYPE xml []>${x}`, 'ERR_V2_XML_DOCTYPE'],
    [
      'an XXE entity',
      (x: string) => `<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]>${x}`,
      'ERR_V2_XML_DOCTYPE',
    ],
    [
      'a duplicate field',
      (x: string) => x.replace('</xml>', '<total_fee>1</total_fee></xml>'),
      'ERR_V2_XML_DUPLICATE_FIELD',
    ],
    [
      'a nested element',
      (x: string) => x.replace('</xml>', '<extra><a>1</a></extra></xml>'),
      'ERR_V2_XML_NESTED',
    ],
    [
      'another root',
      (x: string) => x.replace(/^<xml>/, '<root>').replace(/<\/xml>$/, '</root>'),
      'ERR_V2_XML_ROOT',
    ],
    [
      'a processing instruction',
      (x: string) => x.replace('</xml>', '<?pi?></xml>'),
      'ERR_V2_XML_PROCESSING_INSTRUCTION',
    ],
    ['JSON', () => '{"a":"1"}', 'ERR_V2_XML_MALFORMED'],
    [
      'an unknown sign_type',
      (x: string) => x.replace('</xml>', '<sign_type>SHA1</sign_type></xml>'),
      'ERR_V2_SIGN_TYPE_UNSUPPORTED',
    ],
  ])('%s is exit 2', async (_, change, code) => {
    await refused(['v2', 'verify', '--key', KEY], change(signXml(notification, KEY)), 2, code);
  });

  test('bytes that are not UTF-8 are exit 2', async () => {
    const bytes = Uint8Array.from([...Buffer.from('<xml><a>'), 0xc3, ...Buffer.from('</a></xml>')]);
    await refused(['v2', 'verify', '--key', KEY], bytes, 2, 'ERR_V2_XML_MALFORMED');
  });

  test('a body over --max-bytes is exit 2', async () => {
    await refused(
      ['v2', 'verify', '--key', KEY, '--max-bytes', '64'],
      signXml(notification, KEY),
      2,
      'ERR_V2_XML_TOO_LARGE',
    );
    await refused(['v2', 'verify', '--key', KEY, '--max-bytes', 'x'], '<xml/>', 2, 'ERR_CLI_USAGE');
  });
});

describe('qqwxpay v2 decrypt-refund', () => {
  const vectors = JSON.parse(
    readFileSync(
      new URL('../../codec-v2/test/vectors/openssl-refund-info.json', import.meta.url),
      'utf8',
    ),
  ).cases as { key: string; req_info: string; fields: Record<string, string> }[];

  test.each(vectors)('prints the fields of an openssl-encrypted req_info', async (c) => {
    const result = await run(['v2', 'decrypt-refund', '--key', c.key], `${c.req_info}\n`);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(c.fields);
  });

  test('another key is exit 1', async () => {
    const reqInfo = encryptRefundInfo({ refund_status: 'SUCCESS' }, KEY);
    await refused(
      ['v2', 'decrypt-refund', '--key', 'another-key-of-32-characters-xyz'],
      reqInfo,
      1,
      'ERR_V2_DECRYPT_FAILED',
    );
  });

  test('text that is not base64 of AES blocks is exit 2', async () => {
    await refused(
      ['v2', 'decrypt-refund', '--key', KEY],
      'not base64!',
      2,
      'ERR_V2_REQ_INFO_MALFORMED',
    );
    await refused(['v2', 'decrypt-refund', '--key', KEY], 'QUJD', 2, 'ERR_V2_REQ_INFO_MALFORMED');
    await refused(['v2', 'decrypt-refund'], 'QUJD', 2, 'ERR_CLI_USAGE');
  });
});
