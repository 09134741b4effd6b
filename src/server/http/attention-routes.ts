import type { FastifyInstance } from 'fastify';
import { notificationsBody, roomIdParams, roomSettingsBody } from '../../contract/schemas.js';
import { setMentionPolicy } from '../core/attention/mention-policy.js';
import { setNotifications } from '../core/attention/read-state.js';
import type { CoreDeps } from '../core/shared/deps.js';
import { parse } from './parse.js';
import { requireUser } from './session-context.js';

/** A member's notification level in a room, and an owner's room settings for mentions. */
export function attentionRoutes(deps: CoreDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.put('/api/rooms/:id/notifications', async (request) => {
      const user = requireUser(request);
      const { id } = parse(roomIdParams, request.params);
      return { attention: await setNotifications(deps, user, id, parse(notificationsBody, request.body)) };
    });

    app.patch('/api/rooms/:id/settings', async (request) => {
      const user = requireUser(request);
      const { id } = parse(roomIdParams, request.params);
      return { room: await setMentionPolicy(deps, user, id, parse(roomSettingsBody, request.body).mentionPolicy) };
    });
  };
}
