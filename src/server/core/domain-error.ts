import type { ErrorCode } from '../../contract/errors.js';

/** A refusal the client should see as-is: the code and sentence go on the wire. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { retryAfterMs?: number; details?: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what = 'Room'): DomainError => new DomainError('NOT_FOUND', `${what} not found`);
