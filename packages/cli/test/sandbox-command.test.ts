import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSandbox } from '../src/commands/sandbox.ts';
import type { CliIo } from '../src/io.ts';
import { run } from './proxy-cli-io.ts';

function bufferIo(): CliIo & { out: () => string } {
  let out = '';
  return {
    readStdin: async () => new Uint8Array(),
    stdout: (text) => {
      out += text;
    },
    stderr: () => undefined,
    env: {},
    out: () => out,
  };
}

async function waitForOutput(io: { out: () => string }, text: string): Promise<string> {
  for (let i = 0; i < 400 && !io.out().includes(text); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return io.out();
}

describe('qqwxpay sandbox', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qqwxpay-sandbox-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves on 127.0.0.1, writes its keys to a private file and stops when told', async () => {
    const io = bufferIo();
    let stop: () => void = () => undefined;
    const until = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const file = join(dir, 'sandbox.json');
    const running = runSandbox({ 'write-config': file, 'time-scale': '0.001' }, io, until);
    const out = await waitForOutput(io, 'Ctrl-C');
    const qq = /QQ backend {3}(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    expect(qq).toBeDefined();

    const written = JSON.parse(await readFile(file, 'utf8'));
    expect(written.merchants[0].apiKey).toMatch(/^[0-9A-Za-z]{32}$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(out).not.toContain(written.merchants[0].apiKey);
    expect(out).not.toContain(written.qqApps[0].secret);

    const app = written.qqApps[0];
    const answer = await fetch(
      `${qq}/api/getToken?grant_type=client_credential&appid=${app.appId}&secret=${app.secret}`,
    );
    expect(await answer.json()).toMatchObject({ errcode: 0, expires_in: 7200 });
    expect(await waitForOutput(io, '/api/getToken 200')).toContain('qq       request GET');

    stop();
    expect(await running).toBe(0);
    await expect(fetch(`${qq}/api/getToken`)).rejects.toThrow();
  });

  it('loads a configuration file and keeps its keys', async () => {
    const file = join(dir, 'sandbox.json');
    const config = JSON.parse(await readFile(file, 'utf8'));
    const io = bufferIo();
    let stop: () => void = () => undefined;
    const running = runSandbox(
      { config: file, quiet: true },
      io,
      new Promise<void>((r) => {
        stop = r;
      }),
    );
    const out = await waitForOutput(io, 'Ctrl-C');
    expect(out).toContain(config.merchants[0].merchantSerial);
    stop();
    expect(await running).toBe(0);
  });

  it('refuses a port out of range and a configuration that does not hold', async () => {
    const badPort = await run(['sandbox', '--qq-port', '70000']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('ERR_CLI_USAGE');

    const badConfig = await run(['sandbox', '--config', join(dir, 'missing.json')]);
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toContain('ERR_SANDBOX_CONFIG_UNREADABLE');
  });
});
