import { signResponse, verifySignature } from '@qqwxpay/codec-v3';
import { describe, expect, it } from 'vitest';
import { NOW, platform } from '../support/keys.ts';
import { attempt } from '../support/outcome.ts';

const body = '{"id":"EV-window"}';

function at(offset: number) {
  const { pub, verifiers } = platform();
  const headers = signResponse({
    body,
    privateKey: pub.privateKey,
    serial: pub.serial,
    timestamp: NOW + offset,
  });
  return attempt(() => verifySignature({ headers, body }, { verifiers, now: NOW }));
}

describe('the timestamp window, either way', () => {
  it.each([-300, 0, 300])('accepts a callback signed %i s from now', (offset) => {
    expect(at(offset).accepted).toBe(true);
  });

  it.each([-301, 301, -86_400, 86_400])(
    'refuses a replay or a callback from %i s away',
    (offset) => {
      const outcome = at(offset);
      expect(outcome.accepted).toBe(false);
      if (!outcome.accepted) expect(outcome.code).toBe('ERR_V3_TIMESTAMP_OUT_OF_WINDOW');
    },
  );
});
