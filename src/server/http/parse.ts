import type * as z from 'zod/mini';
import { DomainError } from '../core/shared/domain-error.js';
import { badRequest } from '../transport/error-body.js';

/** Parses with the shared schema, or refuses with BAD_REQUEST and the first problem in words. */
export function parse<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const body = badRequest(result.error);
  throw new DomainError('BAD_REQUEST', body.message, { details: body.details });
}
