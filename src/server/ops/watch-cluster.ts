import type { FastifyInstance } from 'fastify';
import type { Cluster } from '../cluster.js';
import type { HearthServer } from '../realtime/types.js';
import type { Metrics } from './metrics.js';

/**
 * Counts Redis failures and logs the outage once. When Redis comes back (every connection this
 * process holds to it: redis/recovery.ts), packets published while it was away may be lost (a
 * restarted Redis without persistence loses its stream too), so this process hangs up on its own
 * sockets: their clients reconnect and catch up with room:join afterSeq.
 */
export function watchCluster(cluster: Cluster, { app, io, metrics }: { app: FastifyInstance; io: HearthServer; metrics: Metrics }): void {
  let down = false;
  cluster.watch({
    error(source, err) {
      metrics.redisErrors.inc({ source });
      if (down || source !== 'client') return;
      down = true;
      app.log.error({ err }, 'lost Redis: refusing message sends until it is back');
    },
    recovered() {
      down = false;
      app.log.warn('Redis is back: disconnecting this process’s sockets so their clients catch up');
      io.local.disconnectSockets(true);
    },
  });
}
