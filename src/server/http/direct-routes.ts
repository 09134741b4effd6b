import type { FastifyInstance } from 'fastify';
import { limits } from '../../contract/limits.js';
import { peopleQuery, startDirectBody } from '../../contract/schemas.js';
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

    // Names only, as anyone signed in sees them on messages; never an e-mail address.
    app.get('/api/people', async (request) => {
      const user = requireUser(request);
      await enforceRate(deps.limiter, deps.rateRules.peopleSearch, user.id);
      const { q } = parse(peopleQuery, request.query);
      return { people: await deps.users.searchUsers(q, limits.peopleSearchMax) };
    });
  };
}
