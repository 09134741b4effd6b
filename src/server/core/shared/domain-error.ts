import type { ErrorCode } from '../../../contract/errors.js';

/** A refusal the client should see as-is: the code and sentence go on the wire. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { retryAfterMs?: number; details?: unknown } = {},
  ) {
    // A refusal is an answer, not a bug: its stack is never read, and capturing one costs more than
    // the rest of a refused request (measured under a flood of sign-ins).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'DomainError';
  }
}

export const notFound = (what = 'Room'): DomainError => new DomainError('NOT_FOUND', `${what} not found`);
