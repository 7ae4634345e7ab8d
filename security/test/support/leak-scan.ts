/**
 * Every string reachable from a thrown value: name, message, stack, each own property
 * (enumerable or not), nested objects and arrays, the `cause` chain and AggregateError's
 * `errors`, to a bounded depth.
 */
export function reachableStrings(
  thrown: unknown,
  depth = 6,
  seen: Set<unknown> = new Set(),
): string[] {
  if (typeof thrown === 'string') return [thrown];
  if (typeof thrown === 'number' || typeof thrown === 'bigint') return [String(thrown)];
  if (typeof thrown !== 'object' || thrown === null || depth === 0 || seen.has(thrown)) return [];
  seen.add(thrown);
  const out: string[] = [];
  if (thrown instanceof Uint8Array) {
    out.push(Buffer.from(thrown).toString('latin1'), Buffer.from(thrown).toString('base64'));
    return out;
  }
  if (thrown instanceof Error) out.push(String(thrown), thrown.stack ?? '');
  for (const key of Reflect.ownKeys(thrown)) {
    if (typeof key === 'symbol') continue;
    let value: unknown;
    try {
      value = (thrown as Record<string, unknown>)[key];
    } catch {
      continue;
    }
    out.push(key, ...reachableStrings(value, depth - 1, seen));
  }
  return out;
}

/** The pieces of a secret that must not appear: the whole, 10-character windows, encodings. */
export function secretPieces(secret: string): string[] {
  const pieces = new Set<string>([secret]);
  pieces.add(Buffer.from(secret, 'utf8').toString('base64'));
  pieces.add(Buffer.from(secret, 'utf8').toString('hex'));
  pieces.add(encodeURIComponent(secret));
  const compact = secret.replace(/\s+/g, '');
  if (compact.length >= 16) {
    for (let i = 0; i + 10 <= compact.length; i += 1) pieces.add(compact.slice(i, i + 10));
  }
  return [...pieces].filter((p) => p.length >= 8);
}

/** The PEM's body lines and 10-character windows of it, headers left out. */
export function pemPieces(pem: string): string[] {
  const body = pem
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('-----'))
    .join('');
  return secretPieces(body);
}

/** The first piece of any secret found in what the thrown value carries, or undefined. */
export function findLeak(thrown: unknown, pieces: readonly string[]): string | undefined {
  const text = reachableStrings(thrown).join('\n');
  const windows = new Set<string>();
  for (let i = 0; i + 10 <= text.length; i += 1) windows.add(text.slice(i, i + 10));
  return pieces.find((piece) => (piece.length === 10 ? windows.has(piece) : text.includes(piece)));
}
