import type { RegisterBody } from '../../../contract/schemas.js';
import type { User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';
import { enforceRate } from '../shared/rate-rules.js';
import { issueSession, type SessionGrant } from './sessions.js';

type RegisterDeps = Pick<
  CoreDeps,
  'users' | 'sessions' | 'broadcast' | 'passwords' | 'ids' | 'clock' | 'sessionTtlMs' | 'sessionLifetimeMs' | 'limiter' | 'rateRules'
>;

/**
 * Creates an account, or turns the calling guest into one (same id, rooms and messages). The
 * guest's old tokens stop working: the account starts with a fresh session only its owner holds.
 */
export async function registerAccount(
  deps: RegisterDeps,
  input: RegisterBody,
  caller: User | undefined,
  address: string,
): Promise<SessionGrant> {
  await enforceRate(deps.limiter, deps.rateRules.guestSignup, address);
  const guestId = caller?.kind === 'guest' ? caller.id : undefined;
  const outcome = await deps.users.registerAccount({
    id: guestId ?? deps.ids.newId(),
    username: input.username,
    email: input.email.toLowerCase(),
    passwordHash: await deps.passwords.hash(input.password),
    createdAt: deps.clock.now().toISOString(),
    guestId,
  });
  if (!outcome.ok) {
    throw new DomainError(
      'CONFLICT',
      outcome.taken === 'email' ? 'An account already uses that e-mail address' : `The name "${input.username}" is taken`,
    );
  }
  if (guestId) {
    // The guest's sockets carry the old session: they hear it ended and close, so nothing sent on
    // them afterwards is stored under a session that no longer exists.
    const ended = await deps.sessions.deleteSessionsOfUser(guestId);
    await Promise.all(ended.map((tokenHash) => deps.broadcast.disconnectSession(tokenHash)));
  }
  return issueSession(deps, outcome.user);
}
