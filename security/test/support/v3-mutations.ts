import fc from 'fast-check';
import { platform } from './keys.ts';
import type { MutationClass } from './v2-mutations.ts';
import type { AuthenticV3 } from './v3.ts';

/** A V3 message after a mutation, in any of the header forms the verifiers accept. */
export interface MutatedV3 {
  headers: Headers | Record<string, string | string[] | undefined>;
  body: string | Uint8Array;
  status?: number;
}

/** One mutation of an authentic V3 message. */
export interface V3Mutation {
  name: string;
  klass: MutationClass;
  apply(auth: AuthenticV3 & { status?: number }): MutatedV3;
}

const SIGNED = [
  'Wechatpay-Timestamp',
  'Wechatpay-Nonce',
  'Wechatpay-Signature',
  'Wechatpay-Serial',
];

const mutation = (name: string, klass: MutationClass, apply: V3Mutation['apply']): V3Mutation => ({
  name,
  klass,
  apply,
});

const setHeader = (a: AuthenticV3, name: string, value: string): MutatedV3 => ({
  headers: { ...a.headers, [name]: value },
  body: a.body,
});

function flipCase(name: string, seeds: readonly number[]): string {
  return [...name]
    .map((c, i) => ((seeds[i % seeds.length] ?? 0) % 2 ? c.toUpperCase() : c.toLowerCase()))
    .join('');
}

const bytes = (text: string) => new TextEncoder().encode(text);

function reserialise(body: string, how: string): string {
  if (body === '') return how === 'pretty' ? '\n' : ' ';
  const value = JSON.parse(body) as Record<string, unknown>;
  switch (how) {
    case 'pretty': {
      const pretty = JSON.stringify(value, null, 2);
      return pretty === body ? JSON.stringify(value, null, 4) : pretty;
    }
    case 'reorder':
      return JSON.stringify(Object.fromEntries(Object.entries(value).reverse()));
    case 'escape':
      return body.replace(/[a-z]/, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
    case 'space':
      return body.replace(':', ' : ');
    default:
      return `${body},`;
  }
}

/** Every kind of V3 mutation: header names, header values, duplicates, body bytes, JSON form. */
export const v3Mutation: fc.Arbitrary<V3Mutation> = fc.oneof(
  fc.array(fc.nat(), { minLength: 1, maxLength: 30 }).map((seeds) =>
    mutation('header-name-case', 'same', (a) => ({
      headers: Object.fromEntries(
        Object.entries(a.headers).map(([n, v], i) => [flipCase(n, seeds.slice(i)), v]),
      ),
      body: a.body,
    })),
  ),
  fc.constantFrom('headers-object', 'array-values', 'utf8-bytes').map((form) =>
    mutation(`form-${form}`, 'same', (a) => {
      if (form === 'headers-object') return { headers: new Headers(a.headers), body: a.body };
      if (form === 'utf8-bytes') return { headers: a.headers, body: bytes(a.body) };
      const headers = Object.fromEntries(
        Object.entries(a.headers).map(([n, v]) => [n.toLowerCase(), [v]]),
      );
      return { headers, body: a.body };
    }),
  ),
  fc.constantFrom(...SIGNED, 'Wechatpay-Signature-Type').map((name) =>
    mutation('header-repeated-same-value', 'same-optional', (a) => ({
      headers: { ...a.headers, [name.toLowerCase()]: a.headers[name] as string },
      body: a.body,
    })),
  ),
  fc
    .record({
      name: fc.constantFrom(...SIGNED, 'Wechatpay-Signature-Type'),
      form: fc.constantFrom('two-keys', 'array', 'joined', 'headers-append'),
      first: fc.boolean(),
    })
    .map(({ name, form, first }) =>
      mutation(`header-duplicated-${form}`, 'changed', (a) => {
        const real = a.headers[name] as string;
        const other = name === 'Wechatpay-Serial' ? otherSerial(a) : `${real}0`;
        const pair = first ? [other, real] : [real, other];
        if (form === 'two-keys') {
          return {
            headers: { ...a.headers, [name.toLowerCase()]: first ? other : real, [name]: pair[1] },
            body: a.body,
          };
        }
        if (form === 'headers-append') {
          const headers = new Headers(a.headers);
          headers.delete(name);
          headers.append(name, pair[0] as string);
          headers.append(name, pair[1] as string);
          return { headers, body: a.body };
        }
        const rest = Object.fromEntries(Object.entries(a.headers).filter(([n]) => n !== name));
        const value = form === 'array' ? pair : pair.join(', ');
        return { headers: { ...rest, [name.toLowerCase()]: value }, body: a.body };
      }),
    ),
  fc.constantFrom(...SIGNED).map((name) =>
    mutation('header-removed', 'changed', (a) => ({
      headers: Object.fromEntries(Object.entries(a.headers).filter(([n]) => n !== name)),
      body: a.body,
    })),
  ),
  fc.constantFrom('Request-ID', 'Wechatpay-Signature-Type').map((name) =>
    mutation('unsigned-header-removed', 'same-optional', (a) => ({
      headers: Object.fromEntries(Object.entries(a.headers).filter(([n]) => n !== name)),
      body: a.body,
    })),
  ),
  fc
    .constantFrom(
      '+1',
      '-1',
      'lead0',
      'lead-space',
      'trail-space',
      'dot0',
      'exp',
      'hex',
      'neg',
      'huge',
      'ms',
      'plus',
    )
    .map((edit) =>
      mutation(`timestamp-${edit}`, 'changed', (a) => {
        const t = a.timestamp;
        const value = {
          '+1': String(Number(t) + 1),
          '-1': String(Number(t) - 1),
          lead0: `0${t}`,
          'lead-space': ` ${t}`,
          'trail-space': `${t} `,
          dot0: `${t}.0`,
          exp: `${Number(t) / 1e9}e9`,
          hex: `0x${Number(t).toString(16)}`,
          neg: `-${t}`,
          huge: '9'.repeat(400),
          ms: `${t}000`,
          plus: `+${t}`,
        }[edit] as string;
        return setHeader(a, 'Wechatpay-Timestamp', value);
      }),
    ),
  fc.constantFrom('append', 'case', 'space', 'empty', 'nul', 'crlf').map((edit) =>
    mutation(`nonce-${edit}`, 'changed', (a) => {
      const n = a.nonce;
      const value = {
        append: `${n}0`,
        case: n.toLowerCase() === n ? `${n.toUpperCase()}X` : n.toLowerCase(),
        space: ` ${n}`,
        empty: '',
        nul: `${n}\u0000`,
        crlf: `${n}\r`,
      }[edit] as string;
      return setHeader(a, 'Wechatpay-Nonce', value);
    }),
  ),
  fc.constant(
    mutation('nonce-swallows-body-line', 'changed', (a) => {
      const lf = a.body.indexOf('\n');
      if (lf < 0) return setHeader(a, 'Wechatpay-Nonce', `${a.nonce}\n`);
      return {
        headers: { ...a.headers, 'Wechatpay-Nonce': `${a.nonce}\n${a.body.slice(0, lf)}` },
        body: a.body.slice(lf + 1),
      };
    }),
  ),
  fc
    .record({
      edit: fc.constantFrom(
        'flip',
        'unpad',
        'urlsafe',
        'wrap',
        'prefix',
        'suffix',
        'probe',
        'spaces',
      ),
      at: fc.nat(),
    })
    .map(({ edit, at }) =>
      mutation(`signature-${edit}`, 'changed', (a) => {
        const s = a.headers['Wechatpay-Signature'] as string;
        const p = at % (s.length - 2);
        const value = {
          flip: s.slice(0, p) + (s[p] === 'A' ? 'B' : 'A') + s.slice(p + 1),
          unpad: s.replace(/=+$/, ''),
          urlsafe: s.replaceAll('+', '-').replaceAll('/', '_').replace(/^./, '-'),
          wrap: s.replace(/(.{64})/g, '$1\n'),
          prefix: `AAAA${s}`,
          suffix: `${s}AAAA`,
          probe: `WECHATPAY/SIGNTEST/${s}`,
          spaces: ` ${s} `,
        }[edit] as string;
        return setHeader(a, 'Wechatpay-Signature', value);
      }),
    ),
  fc.constantFrom('lower', 'other-known', 'unknown', 'space', 'strip-zero').map((edit) =>
    mutation(`serial-${edit}`, 'changed', (a) => {
      const s = a.serial;
      const value = {
        lower: s.toLowerCase() === s ? s.toUpperCase() : s.toLowerCase(),
        'other-known': otherSerial(a),
        unknown: `${s}0`,
        space: `${s} `,
        'strip-zero': s.replace(/^0+|0(?=[^0]*$)/, ''),
      }[edit] as string;
      return setHeader(a, 'Wechatpay-Serial', value);
    }),
  ),
  fc
    .constantFrom('WECHATPAY2-SHA256-RSA4096', 'wechatpay2-sha256-rsa2048', 'HMAC-SHA256', '')
    .map((value) =>
      mutation('signature-type-changed', 'changed', (a) =>
        setHeader(a, 'Wechatpay-Signature-Type', value),
      ),
    ),
  fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }).map(({ at, bit }) =>
    mutation('body-bit-flip', 'changed', (a) => {
      if (a.body === '') return { headers: a.headers, body: bytes(' ') };
      const b = bytes(a.body);
      b[at % b.length] = (b[at % b.length] as number) ^ (1 << bit);
      return { headers: a.headers, body: b };
    }),
  ),
  fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }).map(({ at, byte }) =>
    mutation('body-byte-insert', 'changed', (a) => {
      const b = bytes(a.body);
      const p = at % (b.length + 1);
      return {
        headers: a.headers,
        body: Uint8Array.from([...b.subarray(0, p), byte, ...b.subarray(p)]),
      };
    }),
  ),
  fc.nat().map((at) =>
    mutation('body-truncate', 'changed', (a) => {
      if (a.body === '') return { headers: a.headers, body: '\n' };
      return { headers: a.headers, body: a.body.slice(0, at % a.body.length) };
    }),
  ),
  fc.constantFrom('\n', '\r\n', ' ', '\uFEFF', '\u0000').map((extra) =>
    mutation('body-extra-bytes', 'changed', (a) => ({
      headers: a.headers,
      body: extra === '\uFEFF' ? extra + a.body : a.body + extra,
    })),
  ),
  fc.constantFrom('pretty', 'reorder', 'escape', 'space', 'trailing-comma').map((how) =>
    mutation(`body-json-${how}`, 'changed', (a) => ({
      headers: a.headers,
      body: reserialise(a.body, how),
    })),
  ),
  fc.constant(
    mutation('body-duplicate-key', 'changed', (a) => ({
      headers: a.headers,
      body: a.body === '' ? '{}' : `${a.body.slice(0, a.body.lastIndexOf('}'))},"id":"forged"}`,
    })),
  ),
  fc.constant(
    mutation('body-latin1', 'changed', (a) => {
      const latin = Buffer.from(a.body, 'latin1');
      const same = Buffer.compare(latin, Buffer.from(a.body, 'utf8')) === 0;
      return {
        headers: a.headers,
        body: same ? Buffer.concat([latin, Buffer.from([0xe9])]) : latin,
      };
    }),
  ),
  fc.constantFrom(201, 202, 204, 299).map((status) =>
    mutation('status-other-2xx', 'same-optional', (a) => ({
      headers: a.headers,
      body: a.body,
      status,
    })),
  ),
);

function otherSerial(a: AuthenticV3): string {
  const { cert, pub } = platform();
  return a.serial === cert.serial ? pub.serial : cert.serial;
}
