import type { MentionPolicy, Room, User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';
import { enforceRate } from '../shared/rate-rules.js';
import { roomVisibleTo } from '../rooms/room-access.js';

type PolicyDeps = Pick<CoreDeps, 'rooms' | 'attention' | 'broadcast' | 'limiter' | 'rateRules'>;

/** An owner keeps `@room` and `@here` for the owners (a large room), or opens them to all again. */
export async function setMentionPolicy(deps: PolicyDeps, user: User, roomId: string, policy: MentionPolicy): Promise<Room> {
  await enforceRate(deps.limiter, deps.rateRules.peopleChanges, user.id);
  const { room, member } = await roomVisibleTo(deps, roomId, user);
  if (room.kind === 'direct') throw new DomainError('BAD_REQUEST', 'A direct conversation has no settings of this kind');
  if (!member || (await deps.rooms.roleOf(roomId, user.id)) !== 'owner')
    throw new DomainError('FORBIDDEN', 'Only the room’s owners can change who may call everyone');
  await deps.attention.setMentionPolicy(roomId, policy);
  const updated = { ...room, mentionPolicy: policy };
  deps.broadcast.toRoom(roomId, 'room:updated', { room: updated });
  return updated;
}
