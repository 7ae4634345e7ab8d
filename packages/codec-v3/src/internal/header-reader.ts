import { V3Error } from '../errors.ts';
import type { HeadersLike } from '../http.ts';

/** Reads one header by name, any case; refuses a name given more than once. */
export type HeaderReader = (name: string) => string | undefined;

const DUPLICATED: unique symbol = Symbol('duplicated');
type Entry = string | readonly string[] | number | typeof DUPLICATED;

/**
 * Indexes the headers by lower-case name once, so that reading several headers of one message
 * lower-cases each name a single time. A name present twice in any case reads as
 * `ERR_V3_HEADER_DUPLICATED` when, and only when, that header is read.
 */
export function headerReader(headers: HeadersLike): HeaderReader {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    return (name) => headers.get(name) ?? undefined;
  }
  if (typeof headers !== 'object' || headers === null) {
    throw new TypeError(`headers: expected Headers or a record, got ${typeof headers}`);
  }
  const record = headers as Readonly<Record<string, string | readonly string[] | number>>;
  const byName = new Map<string, Entry>();
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined) continue;
    const lower = key.toLowerCase();
    byName.set(lower, byName.has(lower) ? DUPLICATED : value);
  }
  return (name) => {
    const entry = byName.get(name.toLowerCase());
    if (entry === undefined) return undefined;
    if (entry === DUPLICATED) throw duplicated(name);
    return single(entry, name);
  };
}

function single(value: string | readonly string[] | number, name: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value.length !== 1) throw duplicated(name);
  return value[0] as string;
}

function duplicated(name: string): V3Error {
  return new V3Error('ERR_V3_HEADER_DUPLICATED', `header ${name} appears more than once`, {
    field: name,
  });
}
