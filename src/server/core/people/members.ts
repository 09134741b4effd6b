import { limits } from '../../../contract/limits.js';
import type { Member, User } from '../../../contract/types.js';
import { roomVisibleTo } from '../rooms/room-access.js';
import type { CoreDeps } from '../shared/deps.js';
import { enforceRate } from '../shared/rate-rules.js';

/**
 * Everyone in a room, for the people panel: who can read the room (a public room's visitors, a
 * private room's members) can see who is in it. The panel takes who is online from presence.
 */
export async function listMembers(
  deps: Pick<CoreDeps, 'rooms' | 'people' | 'limiter' | 'rateRules'>,
  user: User,
  roomId: string,
): Promise<{ members: Member[]; total: number }> {
  // The panel asks again whenever someone joins or leaves: counted with the room's other events.
  await enforceRate(deps.limiter, deps.rateRules.roomEvents, user.id);
  const { room } = await roomVisibleTo(deps, roomId, user);
  return { members: await deps.people.listMembers(roomId, limits.membersPageMax), total: room.memberCount };
}
