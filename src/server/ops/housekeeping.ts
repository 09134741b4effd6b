import type { FastifyInstance } from 'fastify';
import type { CoreDeps } from '../core/shared/deps.js';
import { sweepStale } from '../core/shared/housekeeping.js';

/**
 * Runs the clean-up soon after start and then every interval. Every process runs it; the
 * deletes are idempotent, so several processes doing it at once only repeat each other.
 */
export function scheduleHousekeeping(app: FastifyInstance, deps: CoreDeps, intervalMs: number): void {
  const run = async (): Promise<void> => {
    try {
      const swept = await sweepStale(deps);
      if (swept.sessions + swept.resetTokens + swept.guests > 0) app.log.info({ swept }, 'housekeeping removed what nobody will use again');
    } catch (err) {
      app.log.warn({ err }, 'housekeeping failed; it runs again later');
    }
  };
  const first = setTimeout(() => void run(), Math.min(intervalMs, 60_000));
  const timer = setInterval(() => void run(), intervalMs);
  first.unref();
  timer.unref();
  app.addHook('onClose', async () => {
    clearTimeout(first);
    clearInterval(timer);
  });
}
