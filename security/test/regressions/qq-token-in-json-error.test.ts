import { parseGetTokenResponse } from '@qqwxpay/proxy-url';
import { describe, expect, it } from 'vitest';
import { findLeak, secretPieces } from '../support/leak-scan.ts';

describe("QQ getToken: the JSON parser's message, which quotes the token, is not kept as cause", () => {
  it('keeps every part of the token out of the error and its cause', () => {
    const token = 'Vq9xKfT2mNcR7pLwYb4sHd6GjE1aZu0oXiC5yQeWvB8nMkJ3';
    let thrown: unknown;
    try {
      parseGetTokenResponse({
        status: 200,
        headers: {},
        body: `{"access_token":${token},"expires_in":7200}`,
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeDefined();
    expect(findLeak(thrown, secretPieces(token))).toBeUndefined();
  });
});
