import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDS, type Sandbox, startSandbox } from '../../src/index.ts';
import { call } from '../helpers/client.ts';
import { sharedConfig } from '../helpers/shared-config.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ config: await sharedConfig(), tokenTtlSeconds: 60 });
});
afterAll(async () => {
  await sandbox?.close();
});

async function getToken(query: Record<string, string>): Promise<Record<string, unknown>> {
  const answer = await call(`${sandbox.qqBaseUrl}/api/getToken?${new URLSearchParams(query)}`);
  expect(answer.status).toBe(200);
  return JSON.parse(answer.body) as Record<string, unknown>;
}

describe("QQ's getToken", () => {
  const app = () => sandbox.config.qqApps.find((a) => a.appId === DEFAULT_IDS.qqAppId)!;

  it('issues a fresh token with the configured lifetime for the right secret', async () => {
    const query = { grant_type: 'client_credential', appid: app().appId, secret: app().secret };
    const first = await getToken(query);
    const second = await getToken(query);
    expect(first).toMatchObject({ errcode: 0, expires_in: 60 });
    expect(first.access_token).toMatch(/^[0-9A-Za-z]{64}$/);
    expect(second.access_token).not.toBe(first.access_token);
  });

  it('40002 without grant_type=client_credential, 40013 for an unknown appid, 40125 for a wrong secret', async () => {
    const { appId, secret } = app();
    expect((await getToken({ appid: appId, secret })).errcode).toBe(40002);
    expect((await getToken({ grant_type: 'client_credential', appid: '42', secret })).errcode).toBe(
      40013,
    );
    const wrong = { grant_type: 'client_credential', appid: appId, secret: `${secret}x` };
    const refused = await getToken(wrong);
    expect(refused.errcode).toBe(40125);
    expect(refused.access_token).toBeUndefined();
  });

  it('answers 405 to anything but GET', async () => {
    const answer = await call(`${sandbox.qqBaseUrl}/api/getToken`, { method: 'POST', body: '' });
    expect(answer.status).toBe(405);
  });

  it('a parameter given twice (appid=A&appid=B) is refused with 40097, not read as its first copy', async () => {
    const { appId, secret } = app();
    const base = `${sandbox.qqBaseUrl}/api/getToken?grant_type=client_credential`;
    for (const query of [
      `&appid=${appId}&appid=42&secret=${secret}`,
      `&appid=${appId}&secret=${secret}&secret=wrong`,
      `&appid=${appId}&secret=${secret}&grant_type=client_credential`,
    ]) {
      const answer = await call(`${base}${query}`);
      const body = JSON.parse(answer.body) as Record<string, unknown>;
      expect(body.errcode).toBe(40097);
      expect(body.access_token).toBeUndefined();
    }
  });
});
