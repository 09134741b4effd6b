import type { core } from 'zod/mini';
import type { ErrorBody } from '../../contract/errors.js';
import { DomainError } from '../core/shared/domain-error.js';

export function badRequest(error: core.$ZodError): ErrorBody {
  const first = error.issues[0];
  const where = first?.path.length ? `${first.path.join('.')}: ` : '';
  return {
    code: 'BAD_REQUEST',
    message: `${where}${first?.message ?? 'Invalid request'}`,
    details: error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
  };
}

/** A DomainError goes on the wire as-is; anything else is an INTERNAL error without its stack. */
export function errorBodyOf(error: unknown): ErrorBody {
  if (error instanceof DomainError) return { code: error.code, message: error.message, ...error.extra };
  return { code: 'INTERNAL', message: 'Something went wrong on our side' };
}
