import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../ops/metrics.js';
import type { Readiness } from '../ops/readiness.js';

/**
 * /healthz: the process is up (liveness). /readyz: it can store and deliver, so a load balancer
 * should send it traffic. /metrics: Prometheus text; expose it to the scraper only.
 */
export function healthRoutes(readiness: Readiness, metrics: Metrics) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/healthz', async () => ({ status: 'ok' }));

    app.get('/readyz', async (_request, reply) => {
      const { ready, checks } = await readiness.check();
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks });
    });

    app.get('/metrics', async (_request, reply) => {
      const body = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(body);
    });
  };
}
