import type { z } from 'zod';
import { V2Error } from '../errors.ts';

/**
 * Parses caller-supplied parameters; the first problem becomes a TypeError naming the field
 * (`params.out_trade_no: must be …`).
 */
export function parseParams<T>(schema: z.ZodType<T>, params: unknown, name = 'params'): T {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    throw new TypeError(`${name}.${issue.keys[0]}: is not a field of this message`);
  }
  const path = issue?.path.length ? `${name}.${issue.path.join('.')}` : name;
  throw new TypeError(`${path}: ${issue?.message ?? 'invalid'}`);
}

/**
 * Checks fields received from WeChat Pay against a schema; the first problem becomes a
 * V2Error `ERR_V2_MESSAGE_INVALID` naming the field (never its value). The caller keeps the
 * fields it checked, so nothing the schema would add or drop reaches it.
 */
export function checkMessage(schema: z.ZodType, fields: unknown, what: string): void {
  const result = schema.safeParse(fields);
  if (result.success) return;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : undefined;
  const message = `${what}: ${field ?? 'the message'} ${issue?.message ?? 'is invalid'}`;
  throw new V2Error(
    'ERR_V2_MESSAGE_INVALID',
    message,
    field === undefined ? { cause: result.error } : { field, cause: result.error },
  );
}
