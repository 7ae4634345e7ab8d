import { QqProxyError } from '../errors.ts';
import { assertNotifyUrl, assertRealNotifyUrl, isQqHostUrl } from '../notify-url-rule.ts';

/**
 * Decides the `real_notify_url` of a proxied order: the caller's option, or else the
 * merchant's own `notify_url` found in the body (which QQ's notify URL replaces there).
 * A body `notify_url` that is exactly QQ's notify URL for this order counts as no address of
 * the caller's; any other URL on QQ's host is refused as QQ would refuse it (9031).
 */
export function relocateNotifyUrl(
  bodyNotifyUrl: unknown,
  realNotifyUrl: string | undefined,
  qqNotifyUrl: string,
): string | undefined {
  if (realNotifyUrl !== undefined) assertRealNotifyUrl(realNotifyUrl);
  if (bodyNotifyUrl === undefined || bodyNotifyUrl === null || bodyNotifyUrl === '') {
    return realNotifyUrl;
  }
  if (bodyNotifyUrl === qqNotifyUrl) return realNotifyUrl;
  if (isQqHostUrl(bodyNotifyUrl)) {
    throw new QqProxyError(
      'ERR_QQ_PREFLIGHT_NOTIFY_URL',
      `notify_url must be ${qqNotifyUrl} for this order; QQ would answer 9031`,
      {
        errcode: 9031,
        field: 'notify_url',
        meaning: "the order's notify_url is a QQ URL, but not QQ's notify URL for this order",
        remedy: 'leave notify_url out (it is set for you) and pass your own as realNotifyUrl',
      },
    );
  }
  assertNotifyUrl(bodyNotifyUrl, 'notify_url');
  if (realNotifyUrl !== undefined && realNotifyUrl !== bodyNotifyUrl) {
    throw new RangeError(
      "the body's notify_url and realNotifyUrl differ: give your callback address once",
    );
  }
  return bodyNotifyUrl;
}
