import type { CoreDeps } from '../../shared/deps.js';
import type { Delivery } from './ports.js';

type DeliverDeps = Pick<CoreDeps, 'notify' | 'push' | 'clock'>;

/** A failed push is tried again after 10 s, 20 s, 40 s, 80 s; then given up. */
export const attemptsMax = 5;
const firstRetryMs = 10_000;
/** While one process sends a push, the others leave it alone this long. */
const leaseMs = 60_000;

const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

async function deliverOne(deps: DeliverDeps, delivery: Delivery): Promise<'sent' | 'gone' | 'retry' | 'dropped' | 'taken'> {
  const now = deps.clock.now();
  if (!(await deps.notify.leaseDelivery(delivery.id, delivery.attempts, later(now, leaseMs)))) return 'taken';
  const subscription = await deps.notify.findSubscription(delivery.endpoint);
  if (!subscription || subscription.userId !== delivery.userId) {
    await deps.notify.finishDelivery(delivery.id);
    return 'gone';
  }
  const outcome = await deps.push.send(subscription, delivery.payload);
  if (outcome === 'sent') {
    await deps.notify.finishDelivery(delivery.id);
    return 'sent';
  }
  if (outcome === 'gone') {
    // 404/410: the browser unsubscribed or the subscription expired; its other deliveries go with it.
    await deps.notify.removeSubscription(delivery.endpoint);
    return 'gone';
  }
  const attempts = delivery.attempts + 1;
  if (attempts >= attemptsMax) {
    await deps.notify.finishDelivery(delivery.id);
    return 'dropped';
  }
  await deps.notify.retryDelivery(delivery.id, later(now, firstRetryMs * 2 ** (attempts - 1)));
  return 'retry';
}

export interface DeliveryReport {
  /** Deliveries looked at (a full batch means more may be due). */
  due: number;
  sent: number;
  gone: number;
  retried: number;
  dropped: number;
}

/** Sends what is due, a few at a time. */
export async function deliverDue(deps: DeliverDeps, limit = 100, concurrency = 32): Promise<DeliveryReport> {
  const due = await deps.notify.dueDeliveries(deps.clock.now().toISOString(), limit);
  const report: DeliveryReport = { due: due.length, sent: 0, gone: 0, retried: 0, dropped: 0 };
  for (let i = 0; i < due.length; i += concurrency) {
    const outcomes = await Promise.all(due.slice(i, i + concurrency).map((d) => deliverOne(deps, d)));
    for (const outcome of outcomes) {
      if (outcome === 'sent') report.sent++;
      else if (outcome === 'gone') report.gone++;
      else if (outcome === 'retry') report.retried++;
      else if (outcome === 'dropped') report.dropped++;
    }
  }
  return report;
}
