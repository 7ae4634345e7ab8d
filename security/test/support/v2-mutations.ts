import fc from 'fast-check';
import { type AuthenticV2, type Entry, freeText, type ValueStyle, writeXml } from './v2.ts';

/**
 * How a mutation relates to what the signature covers:
 * - `same`: an equivalent document (same non-empty fields and values) the verifier must accept;
 * - `same-optional`: an equivalent document the verifier may accept or refuse;
 * - `changed`: a signed field, a value or the signature itself changed: must be refused;
 * - `raw`: bytes changed blindly; the oracle decides from what was read.
 */
export type MutationClass = 'same' | 'same-optional' | 'changed' | 'raw';

/** One mutation of an authentic V2 callback. */
export interface V2Mutation {
  name: string;
  klass: MutationClass;
  apply(auth: AuthenticV2): string | Uint8Array;
}

const styles: ValueStyle[] = ['cdata', 'text', 'split', 'charref', 'mixed'];
const spaces = ['', ' ', '\n', '\t', '\r\n', '  \n\t'];

function shuffle<T>(items: readonly T[], seeds: readonly number[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (seeds[i % seeds.length] ?? 0) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;
const bytes = (text: string) => new TextEncoder().encode(text);
const withValue = (entries: Entry[], i: number, value: string): Entry[] =>
  entries.map((e, k) => (k === i ? [e[0], value] : e));
const unsignedIndex = (a: AuthenticV2, n: number) => n % (a.entries.length - 1);

const mutation = (
  name: string,
  klass: MutationClass,
  apply: (a: AuthenticV2) => string | Uint8Array,
) => ({ name, klass, apply });

/** Every kind of V2 mutation, with its random parameters. */
export const v2Mutation: fc.Arbitrary<V2Mutation> = fc.oneof(
  fc
    .array(fc.nat(), { minLength: 1, maxLength: 24 })
    .map((seeds) => mutation('reorder', 'same', (a) => writeXml(shuffle(a.entries, seeds)))),
  fc
    .array(fc.nat(), { minLength: 1, maxLength: 24 })
    .map((seeds) =>
      mutation('whitespace-between', 'same', (a) =>
        writeXml(a.entries, undefined, (i) => pick(spaces, seeds[i % seeds.length] ?? 0)),
      ),
    ),
  fc.array(fc.nat(), { minLength: 1, maxLength: 24 }).map((seeds) =>
    mutation('value-spelling', 'same', (a) =>
      writeXml(
        a.entries,
        (i) => pick(styles, seeds[i % seeds.length] ?? 0),
        undefined,
        (i) => (seeds[(i + 1) % seeds.length] ?? 0) + 1,
      ),
    ),
  ),
  fc
    .constantFrom(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0"?>\n',
      '\uFEFF',
      "<?xml version='1.0' encoding='utf-8' standalone='yes'?>\n",
    )
    .map((prefix) => mutation('declaration-or-bom', 'same', (a) => prefix + a.xml)),
  fc
    .constantFrom(' ', '\n', '\t')
    .map((space) =>
      mutation('space-inside-tags', 'same', (a) =>
        a.xml.replace(/<(\/?)([A-Za-z_][A-Za-z0-9_]*)>/g, (_, slash, name) =>
          name === 'xml' ? `<${slash}${name}>` : `<${slash}${name}${space}>`,
        ),
      ),
    ),
  fc.constant(mutation('as-utf8-bytes', 'same', (a) => bytes(a.xml))),
  fc
    .record({
      name: fc.constantFrom('device_info', 'attach_x', 'Sign', 'coupon_fee_9', 'sign_type2'),
      form: fc.constantFrom('<N></N>', '<N/>', '<N><![CDATA[]]></N>'),
      at: fc.nat(),
    })
    .map(({ name, form, at }) =>
      mutation('insert-empty-field', 'same-optional', (a) => {
        if (a.entries.some(([n]) => n === name)) return a.xml;
        const parts = a.entries.map(([n, v]) => writeXml([[n, v]]).slice(5, -6));
        parts.splice(at % (parts.length + 1), 0, form.replaceAll('N', name));
        return `<xml>${parts.join('')}</xml>`;
      }),
    ),
  fc.constantFrom('utf-16le', 'utf-16be').map((encoding) =>
    mutation('re-encoded-utf16', 'same-optional', (a) => {
      const le = Buffer.from(`\uFEFF${a.xml}`, 'utf16le');
      if (encoding === 'utf-16le') return le;
      return Buffer.from(le).swap16();
    }),
  ),
  fc
    .constantFrom('GBK', 'ISO-8859-1', 'UTF-16')
    .map((encoding) =>
      mutation(
        'declared-other-encoding',
        'same-optional',
        (a) => `<?xml version="1.0" encoding="${encoding}"?>${a.xml}`,
      ),
    ),
  fc
    .nat()
    .map((n) =>
      mutation('remove-field', 'changed', (a) =>
        writeXml(a.entries.filter((_, i) => i !== unsignedIndex(a, n))),
      ),
    ),
  fc
    .record({
      name: fc.constantFrom('device_info', 'coupon_fee_1', 'settlement_total_fee', 'Total_fee'),
      value: freeText.filter((v) => v !== ''),
      at: fc.nat(),
    })
    .map(({ name, value, at }) =>
      mutation('insert-field', 'changed', (a) => {
        const entries = [...a.entries];
        entries.splice(at % (entries.length + 1), 0, [name, value]);
        return writeXml(entries);
      }),
    ),
  fc
    .record({ field: fc.nat(), at: fc.nat(), other: fc.option(fc.string({ maxLength: 4 })) })
    .map(({ field, at, other }) =>
      mutation('duplicate-field', 'changed', (a) => {
        const source = a.entries[field % a.entries.length] as Entry;
        const entries = [...a.entries];
        entries.splice(at % (entries.length + 1), 0, [source[0], other ?? source[1]]);
        return writeXml(entries);
      }),
    ),
  fc
    .record({
      field: fc.nat(),
      edit: fc.constantFrom(
        'append',
        'prepend-space',
        'trailing-space',
        'drop-last',
        'zero',
        'case',
      ),
    })
    .map(({ field, edit }) =>
      mutation(`value-${edit}`, 'changed', (a) => {
        const i = unsignedIndex(a, field);
        const value = (a.entries[i] as Entry)[1];
        const edited = {
          append: `${value}1`,
          'prepend-space': ` ${value}`,
          'trailing-space': `${value}\n`,
          'drop-last': value.length > 1 ? value.slice(0, -1) : `${value}x`,
          zero: `0${value}`,
          case: value.toUpperCase() !== value ? value.toUpperCase() : `${value.toLowerCase()}x`,
        }[edit];
        return writeXml(withValue(a.entries, i, edited));
      }),
    ),
  fc.nat().map((n) =>
    mutation('rename-field', 'changed', (a) => {
      const i = unsignedIndex(a, n);
      return writeXml(
        a.entries.map((e, k): Entry => {
          if (k !== i) return e;
          const first = e[0].charAt(0);
          const swapped = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
          return [swapped + e[0].slice(1), e[1]];
        }),
      );
    }),
  ),
  fc
    .record({ edit: fc.constantFrom('flip', 'remove', 'empty', 'truncate', 'pad'), at: fc.nat() })
    .map(({ edit, at }) =>
      mutation(`sign-${edit}`, 'changed', (a) => {
        const i = a.entries.length - 1;
        const sign = (a.entries[i] as Entry)[1];
        const p = at % sign.length;
        const flipped = sign.slice(0, p) + (sign[p] === 'A' ? 'B' : 'A') + sign.slice(p + 1);
        if (edit === 'remove') return writeXml(a.entries.slice(0, i));
        const value = { flip: flipped, empty: '', truncate: sign.slice(0, -2), pad: `${sign} ` }[
          edit
        ];
        return writeXml(withValue(a.entries, i, value));
      }),
    ),
  fc.constant(
    mutation('sign-lower-case', 'same-optional', (a) => {
      const i = a.entries.length - 1;
      return writeXml(withValue(a.entries, i, (a.entries[i] as Entry)[1].toLowerCase()));
    }),
  ),
  fc.constantFrom('swap', 'remove', 'lower').map((edit) =>
    mutation(`sign-type-${edit}`, 'changed', (a) => {
      const at = a.entries.findIndex(([n]) => n === 'sign_type');
      if (at < 0) {
        const entries = [...a.entries];
        entries.splice(entries.length - 1, 0, ['sign_type', edit === 'lower' ? 'md5' : 'MD5']);
        return writeXml(entries);
      }
      if (edit === 'remove') return writeXml(a.entries.filter((_, i) => i !== at));
      return writeXml(withValue(a.entries, at, edit === 'lower' ? 'hmac-sha256' : 'MD5'));
    }),
  ),
  fc.nat().map((n) =>
    mutation('nest-value', 'changed', (a) => {
      const i = unsignedIndex(a, n);
      const [name, value] = a.entries[i] as Entry;
      return a.xml.replace(
        new RegExp(`<${name}>.*?</${name}>`, 's'),
        `<${name}><v>${writeXml([['v', value]]).slice(8, -10)}</v></${name}>`,
      );
    }),
  ),
  fc.constant(mutation('root-case', 'changed', (a) => `<XML>${a.xml.slice(5, -6)}</XML>`)),
  fc.nat().map((n) =>
    mutation('merge-into-previous', 'changed', (a) => {
      const signed = a.entries
        .filter(([name, value]) => name !== 'sign' && value !== '')
        .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
      const i = 1 + (n % (signed.length - 1));
      const [prevName, prevValue] = signed[i - 1] as Entry;
      const [name, value] = signed[i] as Entry;
      return writeXml(
        a.entries
          .filter(([field]) => field !== name)
          .map(
            ([field, v]): Entry =>
              field === prevName ? [field, `${prevValue}&${name}=${value}`] : [field, v],
          ),
      );
    }),
  ),
  fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }).map(({ at, bit }) =>
    mutation('bit-flip', 'raw', (a) => {
      const b = bytes(a.xml);
      b[at % b.length] = (b[at % b.length] as number) ^ (1 << bit);
      return b;
    }),
  ),
  fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }).map(({ at, byte }) =>
    mutation('byte-insert', 'raw', (a) => {
      const b = bytes(a.xml);
      const p = at % (b.length + 1);
      return Uint8Array.from([...b.subarray(0, p), byte, ...b.subarray(p)]);
    }),
  ),
  fc.nat().map((at) =>
    mutation('byte-delete', 'raw', (a) => {
      const b = bytes(a.xml);
      const p = at % b.length;
      return Uint8Array.from([...b.subarray(0, p), ...b.subarray(p + 1)]);
    }),
  ),
  fc
    .nat()
    .map((at) =>
      mutation('truncate', 'raw', (a) => bytes(a.xml).subarray(0, at % bytes(a.xml).length)),
    ),
  fc
    .record({ from: fc.nat(), length: fc.integer({ min: 1, max: 40 }), to: fc.nat() })
    .map(({ from, length, to }) =>
      mutation('splice-duplicate', 'raw', (a) => {
        const p = from % a.xml.length;
        const slice = a.xml.slice(p, p + length);
        const q = to % (a.xml.length + 1);
        return a.xml.slice(0, q) + slice + a.xml.slice(q);
      }),
    ),
  fc.constant(mutation('latin1-bytes', 'raw', (a) => Buffer.from(a.xml, 'latin1'))),
);
