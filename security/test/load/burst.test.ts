import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runLoad } from '../support/load.ts';

const redisInstalled = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

describe.runIf(redisInstalled || process.env.CI)('a burst of callbacks on loopback', () => {
  it('handles 1,000 callbacks with 30 % duplicates exactly once across two processes', async () => {
    const result = await runLoad({
      deliveries: 1_000,
      duplicateShare: 0.3,
      clients: 8,
      servers: 2,
      deadlineMs: 45_000,
    });
    expect(result.notAcknowledged).toBe(0);
    expect(result.lost).toEqual([]);
    expect(result.handledTwice).toEqual([]);
    expect(result.handledCalls).toBe(result.uniqueEvents);
    expect(result.perServer.every((s) => s.handled > 0)).toBe(true);
  });
});
