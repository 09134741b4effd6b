import type { Room, User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';

type MembershipDeps = Pick<CoreDeps, 'rooms' | 'broadcast' | 'clock'>;

/**
 * Makes the user a member. When the membership is new, every socket of the user starts receiving
 * the room before the room hears of the newcomer, so the joiner sees their own entry notice.
 */
export async function ensureMember(deps: MembershipDeps, room: Room, user: User): Promise<Room> {
  const change = await deps.rooms.addMember(room.id, user.id, deps.clock.now().toISOString());
  if (!change.changed) return { ...room, memberCount: change.memberCount };
  await deps.broadcast.subscribeUser(user.id, room.id);
  deps.broadcast.toRoom(room.id, 'room:member_joined', { roomId: room.id, user, memberCount: change.memberCount });
  return { ...room, memberCount: change.memberCount };
}

/**
 * Ends the membership. The leaver's sockets stop receiving the room first; the remaining members
 * and the leaver's own sockets (other tabs) then hear of it.
 */
export async function endMembership(deps: MembershipDeps, room: Room, user: User): Promise<void> {
  const change = await deps.rooms.removeMember(room.id, user.id);
  if (!change.changed) return;
  await deps.broadcast.unsubscribeUser(user.id, room.id);
  const event = { roomId: room.id, user, memberCount: change.memberCount };
  deps.broadcast.toRoom(room.id, 'room:member_left', event);
  deps.broadcast.toUser(user.id, 'room:member_left', event);
}
