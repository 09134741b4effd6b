import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorStatus, type ErrorBody } from '../../contract/errors.js';
import { DomainError } from '../core/shared/domain-error.js';
import { errorBodyOf } from '../transport/error-body.js';
import type { PageFallback } from './web-client.js';

/** Every failure leaves as `{ error: { code, message } }`; a stack trace never does. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    const body = toBody(error);
    if (body.code === 'INTERNAL') request.log.error({ err: error }, 'request failed');
    if (body.retryAfterMs !== undefined) reply.header('retry-after', Math.ceil(body.retryAfterMs / 1000));
    return reply.status(errorStatus[body.code]).send({ error: body });
  });
}

/**
 * Failures Fastify meets before routing (a path that is not valid percent-encoding, a parameter
 * too long): the same error body as everything else, never Fastify's own shape.
 */
export function frameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const message = error.code === 'FST_ERR_BAD_URL' ? 'The address is not valid: check its percent-encoding' : 'The address is too long';
  void reply.status(400).send({ error: { code: 'BAD_REQUEST', message } });
}

/** Unknown paths: a client route gets the web page when it is served, anything else a JSON 404. */
export function registerNotFound(app: FastifyInstance, pageFallback?: PageFallback): void {
  app.setNotFoundHandler(
    (request, reply) =>
      pageFallback?.(request, reply) ??
      reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${request.url.split('?')[0]}` } }),
  );
}

function toBody(error: FastifyError | DomainError): ErrorBody {
  if (error instanceof DomainError) return errorBodyOf(error);
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' };
  if (error.statusCode === 415) return { code: 'BAD_REQUEST', message: 'Send JSON (content-type: application/json)' };
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { code: 'BAD_REQUEST', message: error.message };
  }
  return errorBodyOf(error);
}
