import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorStatus } from '../../contract/errors.js';
import {
  changeEmailBody,
  changePasswordBody,
  loginBody,
  passwordResetBody,
  passwordResetConfirmBody,
  registerBody,
} from '../../contract/schemas.js';
import { changeEmail, changePassword, signOutEverywhere } from '../core/accounts/account-settings.js';
import type { CoreDeps } from '../core/shared/deps.js';
import { logIn } from '../core/accounts/log-in.js';
import { confirmPasswordReset, requestPasswordReset, resetRequestAnswer } from '../core/accounts/password-reset.js';
import { registerAccount } from '../core/accounts/register-account.js';
import { errorBodyOf } from '../transport/error-body.js';
import { sessionCookie } from '../transport/session-token.js';
import { parse } from './parse.js';
import { requireUser } from './session-context.js';
import { setSessionCookie, type CookiePolicy } from './session-routes.js';

export function accountRoutes(deps: CoreDeps, cookies: CookiePolicy) {
  // Every route here hashes a password. When the hasher is full, answer before the body is even
  // parsed, or a counter or query is paid for: under a flood of sign-ins that is most requests,
  // and what they cost is what the chat on the same core waits for. (The hasher refuses by itself
  // too, should it fill up between here and the hash.)
  const hashing = { onRequest: refuseWhileHashingIsFull(deps) };
  return async (app: FastifyInstance): Promise<void> => {
    app.post('/api/auth/register', hashing, async (request, reply) => {
      const grant = await registerAccount(deps, parse(registerBody, request.body), request.sessionUser, request.ip);
      setSessionCookie(reply, grant.token, cookies);
      return reply.status(201).send(grant);
    });

    app.post('/api/auth/login', hashing, async (request, reply) => {
      const grant = await logIn(deps, parse(loginBody, request.body), request.ip);
      setSessionCookie(reply, grant.token, cookies);
      return grant;
    });

    app.post('/api/auth/logout-all', async (request, reply) => {
      await signOutEverywhere(deps, requireUser(request));
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send();
    });

    app.post('/api/auth/password-reset', async (request, reply) => {
      await requestPasswordReset(deps, parse(passwordResetBody, request.body).email, request.ip);
      return reply.status(202).send({ message: resetRequestAnswer });
    });

    app.post('/api/auth/password-reset/confirm', hashing, async (request, reply) => {
      const { token, password } = parse(passwordResetConfirmBody, request.body);
      await confirmPasswordReset(deps, token, password, request.ip);
      return reply.status(204).send();
    });

    app.post('/api/account/password', hashing, async (request, reply) => {
      const user = requireUser(request);
      const { currentPassword, newPassword } = parse(changePasswordBody, request.body);
      await changePassword(deps, user, request.sessionToken ?? '', currentPassword, newPassword);
      return reply.status(204).send();
    });

    app.post('/api/account/email', hashing, async (request) => {
      const { email, password } = parse(changeEmailBody, request.body);
      return { email: await changeEmail(deps, requireUser(request), email, password) };
    });
  };
}

/**
 * A callback hook answering straight away, without the promise, the thrown error and the error
 * handler's path: in a flood this runs for most requests, so each microsecond counts many times.
 */
function refuseWhileHashingIsFull(deps: CoreDeps) {
  return (_request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    try {
      deps.passwords.refuseIfFull?.();
    } catch (error) {
      const body = errorBodyOf(error);
      void reply
        .status(errorStatus[body.code])
        .header('retry-after', Math.ceil((body.retryAfterMs ?? 1_000) / 1000))
        .send({ error: body });
      return;
    }
    done();
  };
}
