import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every response, by helmet. The policy allows only this origin's own
 * scripts, styles, images and sockets: the built client has no inline script, so a message that
 * somehow became HTML could still run nothing. No page may frame Hearth (clickjacking).
 *
 * helmet itself, built once, rather than @fastify/helmet: that plugin builds helmet's middleware
 * anew for every request, re-parsing this policy each time, which measured 7 % of the server's
 * time under a flood of requests. The headers depend on nothing in the request (no nonce), so
 * helmet runs once, at start, against a recorder, and each response gets the recorded headers:
 * running its dozen middlewares per request was still 5 % of a history page's time.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  const applyHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // blob: a picture being uploaded, shown from the browser's own copy.
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'"],
        // A YouTube or Vimeo player, loaded only when a person clicks a video's card.
        frameSrc: ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
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
  const headers = recordHeaders(applyHeaders);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

type Middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/** The headers a middleware sets on a response (it must set them synchronously and call next). */
export function recordHeaders(middleware: Middleware): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let finished = false;
  // Only the two methods helmet calls; any other use fails loudly here, at start.
  middleware({ headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
    finished = true;
  });
  if (!finished) throw new Error('The security headers middleware did not finish synchronously');
  return headers;
}
