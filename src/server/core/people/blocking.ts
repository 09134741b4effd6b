import type { User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';
import { enforceRate } from '../shared/rate-rules.js';

type BlockDeps = Pick<CoreDeps, 'people' | 'users' | 'broadcast' | 'clock' | 'limiter' | 'rateRules'>;

/**
 * Blocking is the blocker's business: the blocked person is not told, until they try to write to
 * the blocker directly. The blocker's other tabs hear at once, to fold away that person's messages.
 */
export async function setBlocked(deps: BlockDeps, blocker: User, userId: string, blocked: boolean): Promise<void> {
  await enforceRate(deps.limiter, deps.rateRules.peopleChanges, blocker.id);
  if (userId === blocker.id) throw new DomainError('BAD_REQUEST', 'You cannot block yourself');
  if (!(await deps.users.findUserById(userId))) throw new DomainError('NOT_FOUND', 'Person not found');
  if (blocked) await deps.people.block(blocker.id, userId, deps.clock.now().toISOString());
  else await deps.people.unblock(blocker.id, userId);
  deps.broadcast.toUser(blocker.id, 'person:blocked', { userId, blocked });
}

export const listBlocked = (deps: Pick<CoreDeps, 'people'>, user: User): Promise<User[]> => deps.people.listBlocked(user.id);
