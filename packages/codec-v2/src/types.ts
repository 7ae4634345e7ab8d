/** The two V2 signature algorithms. */
export type SignType = 'MD5' | 'HMAC-SHA256';

/** A V2 parameter value: a string, a safe integer (written in decimal), or empty. */
export type V2Value = string | number | null | undefined;

/** V2 parameters to sign or encode, by WeChat's own field names. */
export type V2Params = Readonly<Record<string, V2Value>>;

/** Decoded V2 fields: always strings, exactly as received, in a null-prototype object. */
export type V2Fields = Record<string, string>;

/** The names of the two algorithms, in the spelling WeChat Pay uses in `sign_type`. */
export const SIGN_TYPES: readonly SignType[] = ['MD5', 'HMAC-SHA256'];
