import type { FastifyInstance } from 'fastify';

/**
 * JSON bodies through Fastify's own parser (which refuses prototype poisoning), except that an
 * empty body is no body: many clients send `content-type: application/json` on a bare POST such
 * as logout.
 */
export function acceptEmptyJson(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    // Called with `done`, Fastify's parser answers through it; its return value carries nothing.
    void parseJson(request, text, done);
  });
}
