// Measures how long each hostile input takes to be refused, and writes
// results/hostile-latest.json. Not a test: timings vary by machine; the tests only check that
// every case is refused with the right typed error.
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { nodeHttpNotify } from '@qqwxpay/notify-verify';
import { hostileCases } from '../test/support/hostile-cases.ts';
import { API_KEY, API_V3_KEY, platform } from '../test/support/keys.ts';
import { attempt } from '../test/support/outcome.ts';
import { writeResult } from '../test/support/tally.ts';

interface Row {
  name: string;
  target: string;
  bytes: number;
  code: string;
  iterations: number;
  medianMs: number;
  maxMs: number;
}

function measure(run: () => unknown): { code: string; times: number[] } {
  const times: number[] = [];
  let code = '';
  const budget = performance.now() + 1_000;
  while (times.length < 5 || (times.length < 200 && performance.now() < budget)) {
    const start = performance.now();
    const outcome = attempt(run);
    times.push(performance.now() - start);
    code = outcome.accepted ? 'ACCEPTED' : outcome.code;
  }
  return { code, times };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function httpCases(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const version of ['v2', 'v3'] as const) {
    const notify =
      version === 'v2'
        ? nodeHttpNotify({ version, key: API_KEY, onEvent: () => undefined })
        : nodeHttpNotify({
            version,
            apiV3Key: API_V3_KEY,
            verifiers: platform().verifiers,
            onEvent: () => undefined,
          });
    const server = createServer((req, res) => void notify(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    for (const chunked of [false, true]) {
      const times: number[] = [];
      let status = 0;
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        status = await post(port, 10 * 1024 * 1024, chunked);
        times.push(performance.now() - start);
      }
      rows.push({
        name: `10 MB POST over loopback, ${chunked ? 'chunked' : 'with Content-Length'}`,
        target: `nodeHttpNotify (${version})`,
        bytes: 10 * 1024 * 1024,
        code: `HTTP ${status}`,
        iterations: times.length,
        medianMs: round(median(times)),
        maxMs: round(Math.max(...times)),
      });
    }
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  return rows;
}

function post(port: number, bytes: number, chunked: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/notify',
        headers: chunked ? {} : { 'content-length': String(bytes) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        req.destroy();
      },
    );
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code === 'ECONNRESET') resolve(-1);
      else reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

const rows: Row[] = [];
for (const hostile of hostileCases()) {
  const { code, times } = measure(hostile.run);
  if (code === 'ACCEPTED' || !hostile.codes.includes(code)) {
    process.stderr.write(`${hostile.name}: expected ${hostile.codes.join('|')}, got ${code}\n`);
    process.exitCode = 1;
  }
  rows.push({
    name: hostile.name,
    target: hostile.target,
    bytes: hostile.bytes,
    code,
    iterations: times.length,
    medianMs: round(median(times)),
    maxMs: round(Math.max(...times)),
  });
}
rows.push(...(await httpCases()));

const path = writeResult('hostile-latest.json', {
  date: new Date().toISOString(),
  node: process.version,
  note: 'time from call to refusal, in milliseconds; sizes are input bytes',
  worstMedianMs: Math.max(...rows.map((r) => r.medianMs)),
  cases: rows,
});
for (const r of rows) {
  process.stdout.write(
    `${r.medianMs.toFixed(3).padStart(10)} ms  ${r.maxMs.toFixed(3).padStart(10)} ms  ${r.code.padEnd(30)} ${r.target}: ${r.name}\n`,
  );
}
process.stdout.write(`wrote ${path}\n`);
