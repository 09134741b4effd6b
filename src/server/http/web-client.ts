import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;

/**
 * Serves the built web client. Returns the fallback for unknown paths: a GET for a client route
 * (/join/CODE, /rooms/ID) gets index.html so it survives a reload; API, socket and asset paths
 * (anything with a file extension) get the JSON 404 instead.
 */
export async function registerWebClient(app: FastifyInstance, webRoot: string, production = false): Promise<PageFallback | undefined> {
  if (!existsSync(join(webRoot, 'index.html'))) {
    app.log.warn({ webRoot }, 'web client not built: run `npm run build` to serve it');
    return undefined;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: cacheHeaders,
    // The build writes .br and .gz beside each asset (scripts/precompress.mjs).
    preCompressed: true,
    // Source maps show the client's source to anyone; in production they stay on the disk.
    allowedPath: (pathName) => !(production && pathName.endsWith('.map')),
  });
  return (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const clientRoute = request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/socket.io') && extname(path) === '';
    return clientRoute ? reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html') : undefined;
  };
}

// Built assets carry a content hash in their name and never change; index.html must be revalidated.
function cacheHeaders(res: { setHeader(name: string, value: string): unknown }, path: string): void {
  res.setHeader('cache-control', path.includes(`${join('assets', '')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
}
