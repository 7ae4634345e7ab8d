import { afterEach, beforeEach } from 'vitest';

// A library package never writes to the console: any test that makes it do so fails.
const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;
const original = new Map<string, unknown>();
let written: string[] = [];

beforeEach(() => {
  written = [];
  for (const method of methods) {
    original.set(method, console[method]);
    console[method] = (...args: unknown[]) => {
      written.push(`console.${method}(${args.map(String).join(' ').slice(0, 200)})`);
    };
  }
});

afterEach(() => {
  for (const method of methods) console[method] = original.get(method) as never;
  if (written.length > 0) {
    throw new Error(`the library wrote to the console: ${written.join('; ')}`);
  }
});
