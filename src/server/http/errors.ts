import type { Duplex } from 'node:stream';
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

/**
 * A request Node's HTTP parser cannot read (broken framing, bad bytes in a header) never reaches
 * Fastify's routes; it still gets the protocol's error envelope, then the connection closes.
 */
export function clientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, body] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ([431, 'Request Header Fields Too Large', { code: 'BAD_REQUEST', message: 'The request headers are too large' }] as const)
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ([408, 'Request Timeout', { code: 'BAD_REQUEST', message: 'The request took too long to arrive' }] as const)
        : ([400, 'Bad Request', { code: 'BAD_REQUEST', message: 'The request could not be read' }] as const);
  const json = JSON.stringify({ error: body });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(json)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
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
