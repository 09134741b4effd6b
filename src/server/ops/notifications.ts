import type { FastifyInstance } from 'fastify';
import type { CoreDeps } from '../core/shared/deps.js';
import { deliverDue } from '../core/attention/notify/deliver.js';
import { sendDigests } from '../core/attention/notify/digest.js';
import { drainNotifications } from '../core/attention/notify/hand-out.js';
import type { Metrics } from './metrics.js';

export interface NotificationRunner {
  /** A message was stored in the room (or pushes were queued): handed out shortly, never before its acknowledgement. */
  poke(roomId?: string): void;
  /** Runs a full round now and resolves when it is done (tests, the bench). */
  runOnce(): Promise<void>;
}

/**
 * Rooms written in are handed out `pokeDelayMs` after the first write, together: under a flood of
 * messages that is a few rounds a second, each taking many messages, rather than a round per
 * message. Every `intervalMs` a full round looks at every room (what a restart left waiting, what
 * another process did not finish) and sends the deliveries due; digests every `digestMs`. One round
 * at a time per process; processes share the work through the queue's compare-and-set.
 */
const batchSize = 200;

export function scheduleNotifications(
  app: FastifyInstance,
  deps: CoreDeps,
  metrics: Metrics,
  { intervalMs, digestMs, pokeDelayMs = 250 }: { intervalMs: number; digestMs: number; pokeDelayMs?: number },
): NotificationRunner {
  let running: Promise<void> | null = null;
  let closed = false;
  let dirty = new Set<string>();
  let everything = false;
  let soon: ReturnType<typeof setTimeout> | null = null;

  const round = async (rooms: ReadonlySet<string> | undefined): Promise<void> => {
    const handedOut = await drainNotifications(deps, rooms);
    // Batch after batch while they come full, for up to a second; then the next round goes on.
    const until = performance.now() + 1000;
    for (;;) {
      const report = await deliverDue(deps, batchSize);
      metrics.pushes.inc({ outcome: 'sent' }, report.sent);
      metrics.pushes.inc({ outcome: 'gone' }, report.gone);
      metrics.pushes.inc({ outcome: 'retried' }, report.retried);
      metrics.pushes.inc({ outcome: 'dropped' }, report.dropped);
      if (handedOut > 0 || report.sent > 0) app.log.debug({ handedOut, ...report }, 'notifications');
      if (report.due < batchSize || closed) return;
      if (performance.now() > until) {
        everything = true;
        return;
      }
    }
  };
  const run = (): Promise<void> => {
    if (running) return running;
    const rooms = everything ? undefined : dirty;
    dirty = new Set();
    everything = false;
    running = round(rooms)
      .catch((err: unknown) => app.log.warn({ err }, 'notifications failed; they are tried again shortly'))
      .finally(() => {
        running = null;
        if ((dirty.size > 0 || everything) && !closed) schedule();
      });
    return running;
  };
  const schedule = (): void => {
    soon ??= setTimeout(() => {
      soon = null;
      void run();
    }, pokeDelayMs);
  };
  const full = (): Promise<void> => {
    everything = true;
    return run();
  };
  const digest = () =>
    void sendDigests(deps)
      .then((sent) => sent > 0 && metrics.digests.inc(sent))
      .catch((err: unknown) => app.log.warn({ err }, 'digest mails failed; they are tried again later'));
  const timer = setInterval(() => void full(), intervalMs);
  const digestTimer = setInterval(digest, digestMs);
  timer.unref();
  digestTimer.unref();
  app.addHook('onReady', async () => void full());
  app.addHook('onClose', async () => {
    closed = true;
    clearInterval(timer);
    clearInterval(digestTimer);
    if (soon) clearTimeout(soon);
    await running;
  });
  return {
    poke(roomId) {
      if (closed) return;
      if (roomId === undefined) everything = true;
      else dirty.add(roomId);
      schedule();
    },
    async runOnce() {
      // A round under way may have started before what the caller waits for.
      while (running) await running;
      await full();
      await sendDigests(deps);
    },
  };
}
