import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { User } from '../../contract/types.js';
import type { CoreDeps } from '../core/shared/deps.js';
import { DomainError } from '../core/shared/domain-error.js';
import { userForToken } from '../core/accounts/sessions.js';
import { isOriginAllowed, type OriginPolicy } from '../transport/origin.js';
import { bearerToken, cookieToken } from '../transport/session-token.js';

declare module 'fastify' {
  interface FastifyRequest {
    sessionToken: string | undefined;
    sessionUser: User | undefined;
  }
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Resolves the caller's session once per request and enforces the Origin rule. */
export function registerSessionContext(app: FastifyInstance, deps: CoreDeps, policy: OriginPolicy): void {
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('sessionUser', undefined);
  app.addHook('onRequest', async (request) => {
    if (stateChanging.has(request.method) && !isOriginAllowed(request.headers.origin, request.headers.host, policy)) {
      throw new DomainError('FORBIDDEN', 'Requests from this origin are not allowed');
    }
    if (!request.url.startsWith('/api/')) return;
    const token = bearerToken(request.headers.authorization) ?? cookieToken(request.headers.cookie);
    request.sessionToken = token;
    request.sessionUser = token ? await userForToken(deps, token) : undefined;
  });
}

export function requireUser(request: FastifyRequest): User {
  if (!request.sessionUser) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
  return request.sessionUser;
}
