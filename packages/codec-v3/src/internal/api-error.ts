import { V3ApiError } from '../errors.ts';
import { getHeader, type HttpResponse } from '../http.ts';
import { decodeUtf8Strict, toBytes } from './bytes.ts';

/** The V3ApiError a non-2xx answer stands for, from its JSON error body when it has one. */
export function apiError(response: HttpResponse): V3ApiError {
  const requestId = getHeader(response.headers, 'Request-ID');
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeUtf8Strict(toBytes(response.body)) ?? '');
  } catch {
    parsed = undefined;
  }
  const fields =
    typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  return new V3ApiError({
    status: response.status,
    apiCode: typeof fields.code === 'string' ? fields.code : undefined,
    apiMessage: typeof fields.message === 'string' ? fields.message : undefined,
    detail: fields.detail,
    requestId,
  });
}
