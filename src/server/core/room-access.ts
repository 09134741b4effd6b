import type { Room, User } from '../../contract/types.js';
import type { CoreDeps } from './deps.js';
import { notFound } from './domain-error.js';

export interface RoomAccess {
  room: Room;
  member: boolean;
}

/** A private room the caller does not belong to is indistinguishable from a missing one. */
export async function roomVisibleTo(deps: Pick<CoreDeps, 'rooms'>, roomId: string, user: User): Promise<RoomAccess> {
  const room = await deps.rooms.findRoomById(roomId);
  if (!room) throw notFound();
  const member = await deps.rooms.isMember(roomId, user.id);
  if (room.visibility === 'private' && !member) throw notFound();
  return { room, member };
}
