import type { z } from 'zod';
import { ApiError } from '../../contracts/api-error';

/** Validates input at the edge with a schema; every problem is named in one 400. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new ApiError('VALIDATION_FAILED', details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; '), details);
}
