import { assertNotifyUrl } from '../notify-url-rule.ts';

/**
 * Decides the `real_notify_url` of a proxied order: the caller's option, or else the
 * merchant's own `notify_url` found in the body (which QQ's notify URL replaces there).
 * QQ's own notify URLs in the body are not moved.
 */
export function relocateNotifyUrl(
  bodyNotifyUrl: unknown,
  realNotifyUrl: string | undefined,
  isQqNotifyUrl: (url: string) => boolean,
): string | undefined {
  if (bodyNotifyUrl === undefined || bodyNotifyUrl === null || bodyNotifyUrl === '') {
    return realNotifyUrl;
  }
  if (typeof bodyNotifyUrl === 'string' && isQqNotifyUrl(bodyNotifyUrl)) return realNotifyUrl;
  assertNotifyUrl(bodyNotifyUrl, 'notify_url');
  if (realNotifyUrl !== undefined && realNotifyUrl !== bodyNotifyUrl) {
    throw new RangeError(
      "the body's notify_url and realNotifyUrl differ: give your callback address once",
    );
  }
  return bodyNotifyUrl;
}
