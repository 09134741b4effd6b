import type { MessagesQuery } from '../../contract/schemas.js';
import type { MessagePage, Room, User } from '../../contract/types.js';
import type { CoreDeps } from './deps.js';
import { roomVisibleTo } from './room-access.js';

/** Every room the user may see, and which of them they belong to (the sidebar's "your rooms"). */
export async function listRooms(deps: Pick<CoreDeps, 'rooms'>, user: User): Promise<{ rooms: Room[]; memberOf: string[] }> {
  const [rooms, memberOf] = await Promise.all([deps.rooms.listRoomsVisibleTo(user.id), deps.rooms.listRoomIdsOf(user.id)]);
  return { rooms, memberOf };
}

export async function getRoom(deps: Pick<CoreDeps, 'rooms'>, user: User, roomId: string): Promise<Room> {
  return (await roomVisibleTo(deps, roomId, user)).room;
}

/** Public rooms can be read before joining (the directory's preview); private ones by members only. */
export async function readHistory(
  deps: Pick<CoreDeps, 'rooms' | 'messages'>,
  user: User,
  roomId: string,
  query: MessagesQuery,
): Promise<MessagePage> {
  await roomVisibleTo(deps, roomId, user);
  return deps.messages.pageMessages(roomId, query);
}
