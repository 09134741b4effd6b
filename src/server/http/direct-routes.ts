import type { FastifyInstance } from 'fastify';
import { limits } from '../../contract/limits.js';
import { addPeopleBody, groupNameBody, peopleQuery, roomIdParams, startDirectBody } from '../../contract/schemas.js';
import { addToGroup, renameGroup } from '../core/rooms/direct-groups.js';
import type { CoreDeps } from '../core/shared/deps.js';
import { enforceRate } from '../core/shared/rate-rules.js';
import { startDirect } from '../core/rooms/start-direct.js';
import { parse } from './parse.js';
import { requireUser } from './session-context.js';

export function directRoutes(deps: CoreDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    // 201 with a new conversation, 200 with the existing one for the same people.
    app.post('/api/direct', async (request, reply) => {
      const user = requireUser(request);
      const { room, created } = await startDirect(deps, user, parse(startDirectBody, request.body).userIds);
      return reply.status(created ? 201 : 200).send({ room, created });
    });

    app.patch('/api/direct/:id', async (request) => {
      const user = requireUser(request);
      const { id } = parse(roomIdParams, request.params);
      return { room: await renameGroup(deps, user, id, parse(groupNameBody, request.body).name) };
    });

    app.post('/api/direct/:id/people', async (request) => {
      const user = requireUser(request);
      const { id } = parse(roomIdParams, request.params);
      return { room: await addToGroup(deps, user, id, parse(addPeopleBody, request.body).userIds) };
    });

    // Names only, as anyone signed in sees them on messages; never an e-mail address.
    app.get('/api/people', async (request) => {
      const user = requireUser(request);
      await enforceRate(deps.limiter, deps.rateRules.peopleSearch, user.id);
      const { q } = parse(peopleQuery, request.query);
      return { people: await deps.users.searchUsers(q, limits.peopleSearchMax) };
    });
  };
}
