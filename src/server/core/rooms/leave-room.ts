import type { User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';
import { endMembership } from './membership.js';
import { roomVisibleTo } from './room-access.js';
import { peopleChanged } from './direct-groups.js';

/** Leaving a room one does not belong to changes nothing and is not an error. */
export async function leaveRoom(
  deps: Pick<CoreDeps, 'rooms' | 'users' | 'broadcast' | 'clock'>,
  user: User,
  roomId: string,
): Promise<void> {
  const { room, member } = await roomVisibleTo(deps, roomId, user);
  // Leaving a one-to-one would leave the other person talking to no one; a group can go on.
  if (member && room.kind === 'direct' && !room.group) {
    throw new DomainError('BAD_REQUEST', 'A conversation between two people cannot be left');
  }
  if (!member) return;
  await endMembership(deps, room, user);
  if (room.kind === 'direct') await peopleChanged(deps, room.id);
}
