import type { FastifyInstance } from 'fastify';
import type { CoreDeps } from '../core/shared/deps.js';
import { deliverDue } from '../core/attention/notify/deliver.js';
import { sendDigests } from '../core/attention/notify/digest.js';
import { drainNotifications } from '../core/attention/notify/hand-out.js';
import type { Metrics } from './metrics.js';

export interface NotificationRunner {
  /** A message was stored: hand it out soon (never before its acknowledgement went). */
  poke(): void;
  /** Runs one round now and resolves when it is done (tests, the bench). */
  runOnce(): Promise<void>;
}

/**
 * Hands out and delivers notifications after each send and every `intervalMs` (a restart picks up
 * what was waiting: the queue is in the database), and mails digests every `digestMs`. One round
 * at a time per process; several processes share the work through the queue's compare-and-set.
 */
export function scheduleNotifications(
  app: FastifyInstance,
  deps: CoreDeps,
  metrics: Metrics,
  { intervalMs, digestMs }: { intervalMs: number; digestMs: number },
): NotificationRunner {
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  const round = async (): Promise<void> => {
    const handedOut = await drainNotifications(deps);
    const report = await deliverDue(deps);
    metrics.pushes.inc({ outcome: 'sent' }, report.sent);
    metrics.pushes.inc({ outcome: 'gone' }, report.gone);
    metrics.pushes.inc({ outcome: 'retried' }, report.retried);
    metrics.pushes.inc({ outcome: 'dropped' }, report.dropped);
    if (handedOut > 0 || report.sent > 0) app.log.debug({ handedOut, ...report }, 'notifications');
  };
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = round()
      .catch((err: unknown) => app.log.warn({ err }, 'notifications failed; they are tried again shortly'))
      .finally(() => {
        running = null;
        if (again && !closed) {
          again = false;
          void run();
        }
      });
    return running;
  };
  const digest = () =>
    void sendDigests(deps)
      .then((sent) => sent > 0 && metrics.digests.inc(sent))
      .catch((err: unknown) => app.log.warn({ err }, 'digest mails failed; they are tried again later'));
  const timer = setInterval(() => void run(), intervalMs);
  const digestTimer = setInterval(digest, digestMs);
  timer.unref();
  digestTimer.unref();
  app.addHook('onReady', async () => void run());
  app.addHook('onClose', async () => {
    closed = true;
    clearInterval(timer);
    clearInterval(digestTimer);
    await running;
  });
  return {
    poke: () => {
      // After the acknowledgement: this turn of the event loop belongs to the sender.
      if (!closed) setImmediate(() => void run());
    },
    runOnce: async () => {
      // A round already under way may have started before what the caller waits for.
      while (running) await running;
      await run();
      await sendDigests(deps);
    },
  };
}
