// The load run: LOAD_DELIVERIES callbacks (20,000 by default) with 30 % duplicates from 16
// keep-alive clients to two callback server processes sharing a redis-server this script starts
// on a unix socket; everything on loopback, bounded by LOAD_DEADLINE_MS. Writes
// results/load-latest.json and exits non-zero if a callback was lost or handled twice.
import { runLoad } from '../test/support/load.ts';
import { writeResult } from '../test/support/tally.ts';

const deliveries = Number(process.env.LOAD_DELIVERIES ?? 20_000);
const result = await runLoad({
  deliveries,
  duplicateShare: 0.3,
  clients: Number(process.env.LOAD_CLIENTS ?? 16),
  servers: 2,
  deadlineMs: Number(process.env.LOAD_DEADLINE_MS ?? 240_000),
});
const path = writeResult('load-latest.json', {
  date: new Date().toISOString(),
  node: process.version,
  ...result,
  handledTwice: result.handledTwice.length,
  lost: result.lost.length,
  handledTwiceKeys: result.handledTwice.slice(0, 20),
  lostKeys: result.lost.slice(0, 20),
});
const { latencyMs: l } = result;
process.stdout.write(
  `${result.options.deliveries} deliveries (${result.uniqueEvents} events, ${result.duplicateDeliveries} duplicates) in ${result.seconds} s, ${result.deliveriesPerSecond}/s\n` +
    `acknowledged ${result.acknowledged}, not acknowledged ${result.notAcknowledged}, retries ${result.retries} ${JSON.stringify(result.retryStatuses)}\n` +
    `handled ${result.handledCalls} times, twice ${result.handledTwice.length}, lost ${result.lost.length}, per server ${result.perServer.map((s) => s.handled).join(' + ')}\n` +
    `latency p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms\nwrote ${path}\n`,
);
if (result.lost.length > 0 || result.handledTwice.length > 0 || result.notAcknowledged > 0) {
  process.exitCode = 1;
}
