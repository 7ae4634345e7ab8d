import fc from 'fast-check';

/** V2 field names: ASCII letters, digits, `_`, `.`, `-`, not starting with a digit. */
export const fieldName: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,15}$/);

/** Any string UTF-8 can carry (no lone surrogates), including CJK, emoji and XML specials. */
export const wellFormedText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({
    unit: fc.constantFrom('&', '<', '>', ']', '"', "'", '0', ' ', '\n', 'a'),
    maxLength: 12,
  }),
  fc.constantFrom('0', '007', '000123', '4200001234202612041234567890', ']]>', '腾讯', '😀'),
);

/** A string XML 1.0 can carry: no C0 controls but tab, LF and CR, no U+FFFE/U+FFFF. */
export const xmlText: fc.Arbitrary<string> = fc
  .oneof(wellFormedText, fc.string({ unit: 'binary', maxLength: 20 }))
  .filter(xmlLegal);

function xmlLegal(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) return false;
    if (unit === 0xfffe || unit === 0xffff) return false;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return false;
  }
  return true;
}

/** A non-empty value for a parameter map. */
export const nonEmptyValue: fc.Arbitrary<string> = wellFormedText.filter((s) => s !== '');

/** A parameter map without `sign`, with at least one field, values non-empty strings. */
export const paramMap: fc.Arbitrary<Record<string, string>> = fc
  .dictionary(
    fieldName.filter((n) => n !== 'sign' && n !== 'sign_type'),
    nonEmptyValue,
    {
      minKeys: 1,
      maxKeys: 12,
    },
  )
  .map((d) => ({ ...d }));

/**
 * A parameter map none of whose values holds `&NAME=`, so verify never refuses it as
 * ambiguous (test/internal/field-boundaries.test.ts covers the maps that do).
 */
export const plainParamMap: fc.Arbitrary<Record<string, string>> = paramMap.filter((fields) =>
  Object.values(fields).every((value) => !/&[A-Za-z_][A-Za-z0-9_.-]*=/.test(value)),
);

/** A 32-character API key of the kind WeChat Pay issues, or any other non-empty text. */
export const apiKey: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{32}$/),
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    minLength: 32,
    maxLength: 32,
  }),
);
