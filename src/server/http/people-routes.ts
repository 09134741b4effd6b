import type { FastifyInstance } from 'fastify';
import { profileSettingsBody, roomIdParams, userIdParam } from '../../contract/schemas.js';
import { listBlocked, setBlocked } from '../core/people/blocking.js';
import { listMembers } from '../core/people/members.js';
import { readOwnSettings, readProfile, updateOwnSettings } from '../core/people/profiles.js';
import type { CoreDeps } from '../core/shared/deps.js';
import { parse } from './parse.js';
import { requireUser } from './session-context.js';

/** Profiles, one's own profile settings, blocking, and a room's members. */
export function peopleRoutes(deps: CoreDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/people/:userId', async (request) => {
      const user = requireUser(request);
      return { profile: await readProfile(deps, user, parse(userIdParam, request.params).userId) };
    });

    app.get('/api/account/profile', async (request) => ({ profile: await readOwnSettings(deps, requireUser(request)) }));

    app.patch('/api/account/profile', async (request) => {
      const user = requireUser(request);
      return { profile: await updateOwnSettings(deps, user, parse(profileSettingsBody, request.body)) };
    });

    app.get('/api/blocks', async (request) => ({ people: await listBlocked(deps, requireUser(request)) }));

    app.put('/api/blocks/:userId', async (request, reply) => {
      await setBlocked(deps, requireUser(request), parse(userIdParam, request.params).userId, true);
      return reply.status(204).send();
    });

    app.delete('/api/blocks/:userId', async (request, reply) => {
      await setBlocked(deps, requireUser(request), parse(userIdParam, request.params).userId, false);
      return reply.status(204).send();
    });

    app.get('/api/rooms/:id/members', async (request) => {
      const user = requireUser(request);
      return listMembers(deps, user, parse(roomIdParams, request.params).id);
    });
  };
}
