const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Tells whether a string is well-formed UTF-16 (no lone surrogate), so it can be encoded. */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}
