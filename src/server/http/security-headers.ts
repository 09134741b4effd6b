import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every response, by helmet. The policy allows only this origin's own
 * scripts, styles, images and sockets: the built client has no inline script, so a message that
 * somehow became HTML could still run nothing. No page may frame Hearth (clickjacking).
 *
 * helmet itself, built once, rather than @fastify/helmet: that plugin builds helmet's middleware
 * anew for every request, re-parsing this policy each time, which measured 7 % of the server's
 * time under a flood of requests.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  const applyHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Same-origin only: the socket and the API live on this origin.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Over plain HTTP (a laptop, or TLS ended by a proxy without PUBLIC_URL) HSTS would be wrong.
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  app.addHook('onRequest', (request, reply, done) =>
    applyHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
  );
}
