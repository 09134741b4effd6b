import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

// A reset link carries its token in the path: it must not reach the logs.
const withoutSecrets = (url: string): string => url.replace(/^\/reset\/[^/?#]+/, '/reset/[token]');

/**
 * Fastify logs two info lines per request, written synchronously: a tenth of the server's time
 * when many clients arrive at once. Hearth logs one line per request at debug level (a proxy in
 * front keeps access logs); failures still reach the log at error level.
 */
export class QuietRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      url: withoutSecrets(request.url),
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.debug(line, 'request completed');
  }
}
