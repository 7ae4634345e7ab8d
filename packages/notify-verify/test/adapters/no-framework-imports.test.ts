import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('the package loads no framework and no Redis client', () => {
  it('no source file imports or re-exports express, fastify, koa, hono or ioredis, even for types', () => {
    const pattern = /^(import|export)[^;]*from\s+'(express|fastify|koa|hono|ioredis)(\/[^']*)?'/m;
    const offenders = sources(src).filter((file) => pattern.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
