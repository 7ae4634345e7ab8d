import type { z } from 'zod';
import { V3Error } from '../errors.ts';

function describeIssue(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  return { path: issue?.path.map(String).join('.') ?? '', message: issue?.message ?? 'is invalid' };
}

/**
 * Parses what a caller passes (an order body, a refund); the first problem becomes a TypeError
 * naming the field (`body.amount.total: …`), never its value.
 */
export function parseParams<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { path, message } = describeIssue(result.error);
  throw new TypeError(`${path ? `${name}.${path}` : name}: ${message}`);
}

/**
 * Parses what WeChat Pay sent; the first problem becomes V3Error `ERR_V3_SCHEMA_VIOLATION`
 * naming the field, never its value.
 */
export function parseMessage<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { path, message } = describeIssue(result.error);
  throw new V3Error('ERR_V3_SCHEMA_VIOLATION', `${what}: ${path || 'the message'} ${message}`, {
    ...(path ? { field: path } : {}),
    cause: result.error,
  });
}
