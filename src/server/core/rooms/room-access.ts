import type { Room, User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { notFound } from '../shared/domain-error.js';

export interface RoomAccess {
  room: Room;
  member: boolean;
}

/** A private room the caller does not belong to is indistinguishable from a missing one. */
export async function roomVisibleTo(deps: Pick<CoreDeps, 'rooms'>, roomId: string, user: User): Promise<RoomAccess> {
  const access = await deps.rooms.findRoomFor(roomId, user.id);
  if (!access || (access.room.visibility === 'private' && !access.member)) throw notFound();
  return access;
}
