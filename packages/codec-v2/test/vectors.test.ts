import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { SignType, V2Params } from '../src/index.ts';
import {
  decryptRefundInfo,
  encryptRefundInfo,
  refundInfoKey,
  sign,
  stringToSign,
} from '../src/index.ts';
import { hmacSha256, signatureOf } from '../src/internal/digest.ts';

const shared = new URL('../../../../shared/vectors/', import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: vector files are shaped by their own sources
const load = (url: URL): any => JSON.parse(readFileSync(url, 'utf8'));

interface OfficialCase {
  title: string;
  params: V2Params;
  key: string;
  sign_type: SignType;
  string_to_sign?: string;
  sign: string;
}

describe('WeChat Pay official V2 examples', () => {
  const official = load(new URL('wechatpay-official.json', shared)).cases as OfficialCase[];

  test('the file holds both algorithms', () => {
    expect(official.map((c) => c.sign_type).sort()).toEqual(['HMAC-SHA256', 'MD5']);
  });

  test.each(official)('$title', (c) => {
    if (c.string_to_sign !== undefined)
      expect(stringToSign(c.params, c.key)).toBe(c.string_to_sign);
    expect(sign(c.params, c.key, c.sign_type)).toBe(c.sign);
  });
});

describe('signatures computed with openssl dgst', () => {
  const file = load(new URL('./vectors/openssl-signatures.json', import.meta.url));
  const cases = file.cases as {
    title: string;
    params: V2Params;
    key: string;
    string_to_sign: string;
    md5: string;
    hmac_sha256: string;
  }[];

  test('covers the cases the field has broken', () => {
    expect(cases.length).toBeGreaterThanOrEqual(9);
  });

  test.each(cases)('$title', (c) => {
    expect(stringToSign(c.params, c.key)).toBe(c.string_to_sign);
    expect(signatureOf(c.string_to_sign, c.key, 'MD5')).toBe(c.md5);
    expect(signatureOf(c.string_to_sign, c.key, 'HMAC-SHA256')).toBe(c.hmac_sha256);
    if (c.params.sign_type === 'HMAC-SHA256') {
      expect(sign(c.params, c.key)).toBe(c.hmac_sha256);
    } else {
      expect(sign(c.params, c.key)).toBe(c.md5);
      expect(sign(c.params, c.key, 'HMAC-SHA256')).toBe(c.hmac_sha256);
    }
  });
});

describe('refund req_info encrypted with openssl enc', () => {
  const file = load(new URL('./vectors/openssl-refund-info.json', import.meta.url));
  const cases = file.cases as {
    title: string;
    key: string;
    aes_key_ascii: string;
    req_info: string;
    plaintext_in_cdata: boolean;
    fields: Record<string, string>;
  }[];

  test.each(cases)('$title', (c) => {
    expect(refundInfoKey(c.key).toString('ascii')).toBe(c.aes_key_ascii);
    expect({ ...decryptRefundInfo(c.req_info, c.key) }).toEqual(c.fields);
  });

  test.each(cases)('$title: encrypting the fields again', (c) => {
    const reqInfo = encryptRefundInfo(c.fields, c.key);
    expect({ ...decryptRefundInfo(reqInfo, c.key) }).toEqual(c.fields);
    // ECB is deterministic: the same CDATA-wrapped plaintext gives the same bytes.
    if (c.plaintext_in_cdata) expect(reqInfo).toBe(c.req_info);
    else expect(reqInfo).not.toBe(c.req_info);
  });
});

describe('Wycheproof HMAC-SHA256, 256-bit tags', () => {
  const file = load(new URL('wycheproof/hmac_sha256_test.json', shared));
  const groups = (file.testGroups as { tagSize: number; tests: WycheproofMac[] }[]).filter(
    (g) => g.tagSize === 256,
  );
  const tests = groups.flatMap((g) => g.tests);

  test('every selected case is valid or invalid, none acceptable', () => {
    const counts = { valid: 0, invalid: 0, acceptable: 0 };
    for (const t of tests) counts[t.result] += 1;
    expect(counts.acceptable).toBe(0);
    expect(counts.valid).toBeGreaterThan(0);
    expect(counts.invalid).toBeGreaterThan(0);
    expect(counts.valid + counts.invalid).toBe(tests.length);
  });

  test.each(tests)('tcId $tcId ($result, $flags)', (t) => {
    const tag = hmacSha256(Buffer.from(t.key, 'hex'), Buffer.from(t.msg, 'hex')).toString('hex');
    expect(tag === t.tag).toBe(t.result === 'valid');
  });
});

interface WycheproofMac {
  tcId: number;
  key: string;
  msg: string;
  tag: string;
  result: 'valid' | 'invalid' | 'acceptable';
  flags: string[];
}
