import { describe, expect, it } from 'vitest';
import { main } from '../src/index.ts';
import type { CliIo } from '../src/io.ts';

function bufferIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    readStdin: async () => new Uint8Array(),
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    env: {},
  };
  return io;
}

describe('qqwxpay demo', () => {
  it('runs every step against the sandbox and exits 0', async () => {
    const io = bufferIo();
    const status = await main(['demo'], io);
    expect(io.err).toBe('');
    expect(io.out).toContain('every step held');
    expect(status, io.out).toBe(0);
  }, 60_000);
});
