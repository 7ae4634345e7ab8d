import { V2Error } from '../errors.ts';
import type { V2Fields } from '../types.ts';

// `&` then a V2 field name (see isFieldName) then `=`: the text another field starts with in the
// string to sign. The name's characters exclude `&` and `=`, so each match is found in one pass.
const EMBEDDED_FIELD = /&([A-Za-z_][A-Za-z0-9_.-]*)=/g;

/**
 * Refuses verified fields that another split of the same string to sign would also give.
 *
 * The V2 string to sign joins raw values with `&` (`a=1&b=2&…&key=KEY`), so it does not fix
 * where a value ends: `{ a: '1&b=2' }` and `{ a: '1', b: '2' }` give the same string and the
 * same signature. Such a twin exists exactly when a non-empty value holds `&NAME=` where NAME,
 * a possible field name, sorts after the value's own field and before the next non-empty
 * field (for the last field, any NAME after it: `&key=KEY` follows whatever the last field
 * is). Refusing those values stops a signed message from having two of its fields merged into
 * one. It cannot stop the opposite, a value that holds such text (a merchant's `attach`) being
 * split into two fields, since the split form looks like any other message; WeChat Pay's own
 * fields never hold such text.
 *
 * @throws V2Error `ERR_V2_SIGNATURE_AMBIGUOUS` naming the field whose value holds the text
 */
export function checkFieldBoundaries(fields: V2Fields): void {
  const names = Object.keys(fields)
    .filter((name) => name !== 'sign' && fields[name] !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const next = names[i + 1];
    const value = fields[name] as string;
    if (!value.includes('&')) continue;
    for (const match of value.matchAll(EMBEDDED_FIELD)) {
      const embedded = match[1] as string;
      if (embedded > name && (next === undefined || embedded < next)) {
        const message = `the value of ${name} could end earlier under the same signature`;
        throw new V2Error('ERR_V2_SIGNATURE_AMBIGUOUS', message, { field: name });
      }
    }
  }
}
