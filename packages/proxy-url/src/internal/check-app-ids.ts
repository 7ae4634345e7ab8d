import { QqProxyError } from '../errors.ts';

/**
 * Refuses a QQ appid (digits, or the proxy URL's own appid) in a field where WeChat's `wx…`
 * appid belongs: WeChat Pay would refuse the order after QQ forwarded it.
 */
export function checkAppIds(
  body: Record<string, unknown>,
  fields: readonly string[],
  qqAppId: string,
): void {
  for (const field of fields) {
    const value = body[field];
    if (typeof value === 'string' && (/^\d+$/.test(value) || value === qqAppId)) {
      throw new QqProxyError(
        'ERR_QQ_PREFLIGHT_APPID',
        `${field} holds a QQ appid (digits); it must be WeChat's appid (wx…)`,
        {
          field,
          meaning: "the order body carries the QQ mini program's appid where WeChat's belongs",
          remedy: "put the QQ appid in the proxy URL only and WeChat's wx… appid in the body",
        },
      );
    }
  }
}
