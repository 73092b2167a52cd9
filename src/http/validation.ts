import type { z } from 'zod';
import { AppError } from '../domain/app-error';

/** Parses untrusted input with a zod schema, or throws a 400 that says which field is wrong. */
export function parseOr400<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const details = r.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = details[0];
  throw new AppError('invalid_request', first ? `${first.path || 'body'}: ${first.message}` : 'invalid request', { status: 400, details });
}
