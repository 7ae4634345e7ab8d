/** What a probe reports for one specifier: each export's `typeof`, and the results of calls. */
export interface ProbeEntry {
  exports: Record<string, string>;
  calls: Record<string, unknown>;
}

/** A probe's report: one entry per specifier it loaded. */
export type ProbeReport = Record<string, ProbeEntry>;

// Deterministic calls made through both module systems, when the package exports the function;
// both must give the same string. Arguments follow docs/architecture.md.
const calls: Record<string, [string, unknown[]][]> = {
  '@qqwxpay/codec-v2': [
    [
      'stringToSign',
      [
        { appid: 'wxd930ea5d5a258f4f', total_fee: 1, empty: '' },
        '192006250b4c09247ec02edce69f6a2d',
      ],
    ],
    [
      'sign',
      [
        { appid: 'wxd930ea5d5a258f4f', total_fee: 1, empty: '' },
        '192006250b4c09247ec02edce69f6a2d',
      ],
    ],
    [
      'sign',
      [
        { appid: 'wxd930ea5d5a258f4f', total_fee: 1 },
        '192006250b4c09247ec02edce69f6a2d',
        'HMAC-SHA256',
      ],
    ],
  ],
  '@qqwxpay/codec-v3': [['pathAndQuery', ['https://api.mch.weixin.qq.com/v3/certificates?a=1']]],
};

const body = `
const calls = ${JSON.stringify(calls)};
async function probe(load) {
  const report = {};
  for (const spec of JSON.parse(process.argv[2])) {
    const mod = await load(spec);
    const entry = { exports: {}, calls: {} };
    for (const key of Object.keys(mod).sort()) entry.exports[key] = typeof mod[key];
    for (const [fn, args] of calls[spec] ?? []) {
      if (typeof mod[fn] !== 'function') continue;
      const label = fn + '(' + JSON.stringify(args) + ')';
      try {
        entry.calls[label] = mod[fn](...args);
      } catch (error) {
        entry.calls[label] = { threw: String(error && (error.code ?? error.name)) };
      }
    }
    report[spec] = entry;
  }
  process.stdout.write(JSON.stringify(report));
}
`;

/** The ES module probe: loads each specifier with `import()`. */
export const esmProbe: string = `${body}
await probe((spec) =>
  spec.endsWith('/package.json')
    ? import(spec, { with: { type: 'json' } }).then((m) => m.default)
    : import(spec),
);
`;

/** The CommonJS probe: loads each specifier with `require()`. */
export const cjsProbe: string = `${body}
probe(async (spec) => require(spec));
`;

// Typed uses of documented functions, compiled only when the package exports the function.
const typedUses: Record<string, Record<string, string>> = {
  '@qqwxpay/codec-v2': {
    sign: `const signed: string = M.sign({ appid: 'wx1', total_fee: 1 }, 'key', 'HMAC-SHA256');`,
    stringToSign: `const signable: string = M.stringToSign({ appid: 'wx1' }, 'key');`,
    decodeXml: `const decoded: Record<string, string> = M.decodeXml('<xml></xml>');`,
  },
  '@qqwxpay/codec-v3': {
    pathAndQuery: `const path: string = M.pathAndQuery('https://example.test/v3/x?a=1');`,
  },
  '@qqwxpay/cli': {
    main: `const status: Promise<number> = M.main(['help']);`,
  },
};

/**
 * A TypeScript module that fails to compile unless the package's declarations, as seen from
 * `kind` (an ES module or a CommonJS one), export exactly the values found at run time.
 */
export function typeCheckSource(kind: 'esm' | 'cjs', runtime: Record<string, string[]>): string {
  const lines: string[] = [];
  Object.entries(runtime).forEach(([spec, names], i) => {
    const alias = `m${i}`;
    lines.push(
      kind === 'esm'
        ? `import * as ${alias} from '${spec}';`
        : `import ${alias} = require('${spec}');`,
    );
    const record = names.map((name) => `${JSON.stringify(name)}: true`).join(', ');
    lines.push(`export const exports${i}: Record<keyof typeof ${alias}, true> = { ${record} };`);
    for (const [name, use] of Object.entries(typedUses[spec] ?? {})) {
      if (!names.includes(name)) continue;
      lines.push(`export function use${i}_${name}(): void {`);
      lines.push(`  ${use.replaceAll('M.', `${alias}.`)}`);
      lines.push(`  void ${use.match(/const (\w+)/)?.[1]};`);
      lines.push('}');
    }
  });
  return `${lines.join('\n')}\n`;
}
