import type { FastifyInstance, FastifyReply } from 'fastify';
import { guestBody } from '../../contract/schemas.js';
import type { CoreDeps } from '../core/shared/deps.js';
import { endSession, startGuestSession } from '../core/accounts/sessions.js';
import { sessionCookie } from '../transport/session-token.js';
import { parse } from './parse.js';
import { requireUser } from './session-context.js';

export interface CookiePolicy {
  secure: boolean;
  maxAgeSeconds: number;
}

export function sessionRoutes(deps: CoreDeps, cookies: CookiePolicy) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post('/api/auth/guest', async (request, reply) => {
      const { username } = parse(guestBody, request.body);
      const grant = await startGuestSession(deps, username, request.ip);
      setSessionCookie(reply, grant.token, cookies);
      return reply.status(201).send(grant);
    });

    app.post('/api/auth/logout', async (request, reply) => {
      requireUser(request);
      if (request.sessionToken) await endSession(deps, request.sessionToken);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send();
    });

    app.get('/api/me', async (request) => {
      const user = requireUser(request);
      const account = await deps.users.findAccountById(user.id);
      return { user, email: account?.email ?? null };
    });
  };
}

export function setSessionCookie(reply: FastifyReply, token: string, policy: CookiePolicy): void {
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: policy.secure,
    maxAge: policy.maxAgeSeconds,
  });
}
