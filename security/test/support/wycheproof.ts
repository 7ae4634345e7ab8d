import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sign, stringToSign, verify } from '@qqwxpay/codec-v2';
import { decryptField, decryptResource } from '@qqwxpay/codec-v3';
// The primitives themselves are internal; the report reads them where the public functions
// cannot carry a vector (raw HMAC keys, arbitrary RSA messages, OAEP labels).
import { hmacSha256 } from '../../../packages/codec-v2/src/internal/digest.ts';
import { aesGcmOpen } from '../../../packages/codec-v3/src/internal/aes-gcm.ts';
import { rsaVerify } from '../../../packages/codec-v3/src/internal/rsa.ts';
import { oaepDecrypt } from '../../../packages/codec-v3/src/internal/rsa-oaep.ts';
import { attempt } from './outcome.ts';

/** The shared vectors folder (../shared/vectors beside the repository). */
export const VECTORS_DIR: string = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'vectors',
);

type Result = 'valid' | 'invalid' | 'acceptable';
type Outcome = 'accepted' | 'refused' | 'not-representable' | 'out-of-scope';

interface Case {
  tcId: number;
  flags: string[];
  result: Result;
  [field: string]: unknown;
}
interface Group {
  tests: Case[];
  [field: string]: unknown;
}

/** Counts for one vector file at one layer, and what went wrong. */
export interface LayerReport {
  /** `result/outcome` → count, for example `valid/accepted`. */
  matrix: Record<string, number>;
  /** Valid vectors refused, in scope. Must be empty. */
  validRefused: { tcId: number; flags: string[] }[];
  /** Invalid vectors accepted (or accepted with a wrong output). Must be empty. */
  invalidAccepted: { tcId: number; flags: string[] }[];
  /** How each acceptable vector came out. */
  acceptable: { tcId: number; flags: string[]; outcome: Outcome }[];
}

/** The report for one vector file. */
export interface FileReport {
  file: string;
  algorithm: string;
  tests: number;
  byResult: Record<string, number>;
  layers: Record<string, LayerReport>;
}

const hex = (text: string) => Buffer.from(text, 'hex');
const utf8 = new TextDecoder('utf-8', { fatal: true });
const asText = (bytes: Buffer): string | undefined => {
  try {
    const text = utf8.decode(bytes);
    return Buffer.from(text, 'utf8').equals(bytes) ? text : undefined;
  } catch {
    return undefined;
  }
};

function emptyLayer(): LayerReport {
  return { matrix: {}, validRefused: [], invalidAccepted: [], acceptable: [] };
}

function record(layer: LayerReport, c: Case, outcome: Outcome, correct = true): void {
  const key = `${c.result}/${outcome}`;
  layer.matrix[key] = (layer.matrix[key] ?? 0) + 1;
  const id = { tcId: c.tcId, flags: c.flags };
  if (c.result === 'acceptable') layer.acceptable.push({ ...id, outcome });
  else if (c.result === 'valid' && (outcome === 'refused' || !correct)) layer.validRefused.push(id);
  else if (c.result === 'invalid' && outcome === 'accepted') layer.invalidAccepted.push(id);
}

function load(name: string): { algorithm: string; testGroups: Group[] } {
  return JSON.parse(readFileSync(join(VECTORS_DIR, 'wycheproof', name), 'utf8'));
}

function report(
  file: string,
  layers: string[],
  judge: (group: Group, c: Case, layers: Record<string, LayerReport>) => void,
): FileReport {
  const data = load(file);
  const out: FileReport = {
    file: `wycheproof/${file}`,
    algorithm: data.algorithm,
    tests: 0,
    byResult: {},
    layers: Object.fromEntries(layers.map((l) => [l, emptyLayer()])),
  };
  for (const group of data.testGroups) {
    for (const c of group.tests) {
      out.tests += 1;
      out.byResult[c.result] = (out.byResult[c.result] ?? 0) + 1;
      judge(group, c, out.layers);
    }
  }
  return out;
}

function aesGcm(): FileReport {
  return report('aes_gcm_test.json', ['primitive', 'decryptResource'], (g, c, layers) => {
    const primitive = layers.primitive as LayerReport;
    const pub = layers.decryptResource as LayerReport;
    const key = hex(c.key as string);
    const iv = hex(c.iv as string);
    const aad = hex(c.aad as string);
    const msg = hex(c.msg as string);
    const sealed = Buffer.concat([hex(c.ct as string), hex(c.tag as string)]);
    const inScope = g.keySize === 256 && g.ivSize === 96 && g.tagSize === 128;

    if (!inScope) record(primitive, c, 'out-of-scope');
    else {
      const opened = aesGcmOpen(key, iv, sealed, aad);
      record(primitive, c, opened ? 'accepted' : 'refused', opened?.equals(msg) ?? true);
    }

    const nonce = asText(iv);
    const aadText = asText(aad);
    const plaintext = asText(msg);
    if (!inScope) {
      let accepted = false;
      try {
        decryptResource(
          {
            algorithm: 'AEAD_AES_256_GCM',
            ciphertext: sealed.toString('base64'),
            nonce: iv.toString('latin1'),
            associated_data: aad.toString('latin1'),
          },
          key,
        );
        accepted = true;
      } catch {
        // a key or nonce size WeChat Pay never uses: refused by design
      }
      record(pub, c, accepted ? 'accepted' : 'out-of-scope');
      return;
    }
    if (
      nonce === undefined ||
      aadText === undefined ||
      (c.result !== 'invalid' && plaintext === undefined)
    ) {
      record(pub, c, 'not-representable');
      return;
    }
    const outcome = attempt(() =>
      decryptResource(
        {
          algorithm: 'AEAD_AES_256_GCM',
          ciphertext: sealed.toString('base64'),
          nonce,
          associated_data: aadText,
        },
        key,
      ),
    );
    record(
      pub,
      c,
      outcome.accepted ? 'accepted' : 'refused',
      !outcome.accepted || outcome.value === plaintext,
    );
  });
}

function hmac(): FileReport {
  return report('hmac_sha256_test.json', ['primitive'], (g, c, layers) => {
    const layer = layers.primitive as LayerReport;
    if (g.tagSize !== 256) return record(layer, c, 'out-of-scope');
    const tag = hmacSha256(hex(c.key as string), hex(c.msg as string));
    record(layer, c, tag.equals(hex(c.tag as string)) ? 'accepted' : 'refused');
  });
}

function oaep(): FileReport {
  return report(
    'rsa_oaep_2048_sha1_mgf1sha1_test.json',
    ['primitive', 'decryptField'],
    (g, c, layers) => {
      const key = createPrivateKey(g.privateKeyPem as string);
      const ct = hex(c.ct as string);
      const label = hex(c.label as string);
      const msg = hex(c.msg as string);
      const opened = oaepDecrypt(key, ct, label.length > 0 ? label : undefined);
      record(
        layers.primitive as LayerReport,
        c,
        opened ? 'accepted' : 'refused',
        opened?.equals(msg) ?? true,
      );

      const pub = layers.decryptField as LayerReport;
      const plaintext = asText(msg);
      if (label.length > 0 || (c.result !== 'invalid' && plaintext === undefined)) {
        return record(pub, c, 'not-representable');
      }
      const outcome = attempt(() => decryptField(ct.toString('base64'), key));
      record(
        pub,
        c,
        outcome.accepted ? 'accepted' : 'refused',
        !outcome.accepted || outcome.value === plaintext,
      );
    },
  );
}

function rsaSignature(): FileReport {
  return report('rsa_signature_2048_sha256_test.json', ['primitive'], (g, c, layers) => {
    const key = createPublicKey({
      key: hex(g.publicKeyDer as string),
      format: 'der',
      type: 'spki',
    });
    const ok = rsaVerify(key, hex(c.msg as string), hex(c.sig as string));
    record(layers.primitive as LayerReport, c, ok ? 'accepted' : 'refused');
  });
}

interface OfficialCase {
  title: string;
  params: Record<string, string>;
  key: string;
  sign_type: 'MD5' | 'HMAC-SHA256';
  string_to_sign?: string;
  sign: string;
}

/** WeChat Pay's own V2 examples through the public functions, and a tampered copy of each. */
function official(): FileReport {
  const data = JSON.parse(readFileSync(join(VECTORS_DIR, 'wechatpay-official.json'), 'utf8')) as {
    cases: OfficialCase[];
  };
  const layer = emptyLayer();
  let tcId = 0;
  for (const c of data.cases) {
    tcId += 1;
    const valid: Case = { tcId, flags: [c.title], result: 'valid' };
    const signed = sign(c.params, c.key, c.sign_type) === c.sign;
    const text =
      c.string_to_sign === undefined || stringToSign(c.params, c.key) === c.string_to_sign;
    const fields = Object.assign(Object.create(null), c.params, { sign: c.sign });
    const verified = attempt(() => verify(fields, c.key, { signType: c.sign_type }));
    record(layer, valid, signed && text && verified.accepted ? 'accepted' : 'refused');

    tcId += 1;
    const tampered: Case = { tcId, flags: [`${c.title}, body changed`], result: 'invalid' };
    const forged = Object.assign(Object.create(null), c.params, { body: 'test2', sign: c.sign });
    const outcome = attempt(() => verify(forged, c.key, { signType: c.sign_type }));
    record(layer, tampered, outcome.accepted ? 'accepted' : 'refused');
  }
  return {
    file: 'wechatpay-official.json',
    algorithm: 'WeChat Pay V2 MD5 / HMAC-SHA256',
    tests: tcId,
    byResult: { valid: data.cases.length, invalid: data.cases.length },
    layers: { 'sign/verify': layer },
  };
}

/** The report over every vector file. */
export function wycheproofReport(): FileReport[] {
  return [aesGcm(), hmac(), oaep(), rsaSignature(), official()];
}
