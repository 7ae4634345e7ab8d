import { UsageError } from './usage-error.ts';

/**
 * Parses JSON text that a command reads, more strictly than `JSON.parse`: a leading UTF-8 byte
 * order mark is dropped, and an object that names the same key twice (after unescaping, at any
 * depth) is refused rather than keeping its last value.
 *
 * @param text - the decoded input
 * @param what - how the error names the input, such as `standard input`
 * @throws UsageError `ERR_CLI_USAGE` when the text is not JSON, `ERR_CLI_JSON_DUPLICATE_KEY`
 *   naming the key
 */
export function parseStrictJson(text: string, what: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new UsageError(`${what} is not JSON`);
  }
  refuseDuplicateKeys(body, what);
  return value;
}

/** Parses JSON text as one object (not an array, not null). */
export function parseStrictJsonObject(text: string, what: string): Record<string, unknown> {
  const value = parseStrictJson(text, what);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${what} must be one JSON object`);
  }
  return value as Record<string, unknown>;
}

interface Frame {
  /** The keys seen so far when the container is an object; undefined for an array. */
  keys: Set<string> | undefined;
  /** Whether the next string in this object is a key. */
  expectKey: boolean;
}

/**
 * One linear pass over text that `JSON.parse` already accepted, tracking the keys of every open
 * object; strings are skipped whole so that brackets inside them do not count.
 */
function refuseDuplicateKeys(text: string, what: string): void {
  const stack: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '{') stack.push({ keys: new Set(), expectKey: true });
    else if (c === '[') stack.push({ keys: undefined, expectKey: false });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',' && top?.keys) top.expectKey = true;
    else if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) {
          throw new UsageError(
            `${what}: key ${JSON.stringify(key)} appears twice in one object`,
            'ERR_CLI_JSON_DUPLICATE_KEY',
          );
        }
        top.keys.add(key);
        top.expectKey = false;
      }
      i = end;
    }
    i += 1;
  }
}
