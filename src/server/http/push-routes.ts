import type { FastifyInstance } from 'fastify';
import { notificationSettingsBody, pushEndpointBody, pushSubscriptionBody } from '../../contract/schemas.js';
import { digestSettings, setDigestSettings, subscribeToPush, unsubscribeFromPush } from '../core/attention/notify/push-subscriptions.js';
import type { CoreDeps } from '../core/shared/deps.js';
import { parse } from './parse.js';
import { requireUser } from './session-context.js';

/** Web Push subscriptions (one per browser) and the e-mail digest setting. */
export function pushRoutes(deps: CoreDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    // The key browsers subscribe with; public by nature.
    app.get('/api/push/key', async () => ({ publicKey: deps.push.publicKey }));

    app.post('/api/push/subscriptions', async (request, reply) => {
      await subscribeToPush(deps, requireUser(request), parse(pushSubscriptionBody, request.body));
      return reply.status(204).send();
    });

    app.delete('/api/push/subscriptions', async (request, reply) => {
      await unsubscribeFromPush(deps, requireUser(request), parse(pushEndpointBody, request.body).endpoint);
      return reply.status(204).send();
    });

    app.get('/api/account/notifications', async (request) => digestSettings(deps, requireUser(request)));

    app.patch('/api/account/notifications', async (request) =>
      setDigestSettings(deps, requireUser(request), parse(notificationSettingsBody, request.body).digestMinutes),
    );
  };
}
