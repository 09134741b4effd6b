import type { User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';
import { enforceRate } from '../shared/rate-rules.js';

type SessionDeps = Pick<CoreDeps, 'users' | 'sessions' | 'ids' | 'clock' | 'sessionTtlMs' | 'sessionLifetimeMs'>;

export interface SessionGrant {
  user: User;
  token: string;
}

export async function issueSession(deps: SessionDeps, user: User): Promise<SessionGrant> {
  const now = deps.clock.now();
  const token = deps.ids.newToken();
  await deps.sessions.insertSession({
    tokenHash: deps.ids.hashToken(token),
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.sessionTtlMs).toISOString(),
  });
  return { user, token };
}

/** The seeds' quick start: a name and nothing else. `address` keys the sign-up rate limit. */
export async function startGuestSession(
  deps: SessionDeps & Pick<CoreDeps, 'limiter' | 'rateRules'>,
  username: string,
  address: string,
): Promise<SessionGrant> {
  await enforceRate(deps.limiter, deps.rateRules.guestSignup, address);
  const user: User = { id: deps.ids.newId(), username, kind: 'guest', createdAt: deps.clock.now().toISOString() };
  if ((await deps.users.insertUser(user)) === 'taken') {
    throw new DomainError('CONFLICT', `The name "${username}" is taken`);
  }
  return issueSession(deps, user);
}

export async function userForToken(deps: SessionDeps, token: string): Promise<User | undefined> {
  if (!token) return undefined;
  const { now, createdAfter } = sessionCutoffs(deps);
  return deps.sessions.findSessionUser(deps.ids.hashToken(token), now, createdAfter);
}

/** Now, and the moment before which a session is too old to live however recently used. */
export function sessionCutoffs(deps: Pick<CoreDeps, 'clock' | 'sessionLifetimeMs'>): { now: string; createdAfter: string } {
  const now = deps.clock.now();
  return { now: now.toISOString(), createdAfter: new Date(now.getTime() - deps.sessionLifetimeMs).toISOString() };
}

/**
 * Of the sessions behind open sockets, those that have ended since (expired, past their lifetime,
 * or removed): their sockets must close.
 */
export async function endedSessions(
  deps: Pick<CoreDeps, 'sessions' | 'clock' | 'sessionLifetimeMs'>,
  tokenHashes: readonly string[],
): Promise<string[]> {
  if (tokenHashes.length === 0) return [];
  const { now, createdAfter } = sessionCutoffs(deps);
  const live = await deps.sessions.findLiveSessions(tokenHashes, now, createdAfter);
  return tokenHashes.filter((hash) => !live.has(hash));
}

/** The token stops working at once, and the sockets opened with it are disconnected. */
export async function endSession(deps: SessionDeps & Pick<CoreDeps, 'broadcast'>, token: string): Promise<void> {
  const tokenHash = deps.ids.hashToken(token);
  await deps.sessions.deleteSession(tokenHash);
  await deps.broadcast.disconnectSession(tokenHash);
}
