import fc from 'fast-check';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Any non-empty well-formed text, weighted towards the characters URLs care about. */
export const tokenArbitrary: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ unit: fc.constantFrom(..."+/=&%?#_- .~*!'()aZ9"), minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    fc.string({ minLength: 1, maxLength: 120 }),
  )
  .filter((s) => !LONE_SURROGATE.test(s));

const segment = fc.stringMatching(/^[A-Za-z0-9._~!$'()*+,;=:@%-]{0,12}$/).filter((s) => {
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
});

/** Notify URLs that obey the rule: http(s), a host, a path, no query or fragment. */
export const notifyUrlArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('http', 'https', 'HTTPS'),
    fc.oneof(fc.domain(), fc.constant('127.0.0.1')),
    fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    fc.array(segment, { maxLength: 5 }),
  )
  .map(([scheme, host, port, path]) => {
    const authority = port === undefined ? host : `${host}:${port}`;
    return `${scheme}://${authority}/${path.join('/')}`;
  })
  .filter((url) => url.length <= 256);
