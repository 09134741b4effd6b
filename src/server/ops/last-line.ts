import type { FastifyBaseLogger } from 'fastify';

/**
 * The last line of defence: a promise that rejects with nobody listening is a bug of ours, but one
 * that must not take every connected user down with it. It is logged with its stack, loudly, and
 * the process keeps serving. (Node's default since v15 is to exit.)
 */
export function keepServingOnUnhandledRejection(log: Pick<FastifyBaseLogger, 'error'>): void {
  process.on('unhandledRejection', (reason: unknown) => {
    log.error({ err: reason }, 'unhandled promise rejection: a bug, reported here and survived');
  });
}
