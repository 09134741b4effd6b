import type { MessagesQuery, RoomsQuery } from '../../../contract/schemas.js';
import type { Attention, MessagePage, Room, User } from '../../../contract/types.js';
import { attentionFor } from '../attention/read-state.js';
import type { CoreDeps } from '../shared/deps.js';
import { roomVisibleTo } from './room-access.js';
import { withParticipants, withParticipantsAll } from './participants.js';

export interface RoomList {
  rooms: Room[];
  memberOf: string[];
  /** Pass as `cursor` for the next page of the public directory; absent on the last page. */
  nextCursor?: string;
  /** Who of the user's direct conversations' people is online now (the sidebar's presence dots). */
  online?: string[];
  /** The user's read state in each of their rooms (with the first page only). */
  attention?: Attention[];
}

/**
 * The rooms the user belongs to (the sidebar's "your rooms"), then a page of the public directory
 * by name. With a cursor, only the directory's next page.
 */
export async function listRooms(
  deps: Pick<CoreDeps, 'rooms' | 'users' | 'presence' | 'attention'>,
  user: User,
  query: RoomsQuery,
): Promise<RoomList> {
  const [mine, directory] = await Promise.all([
    query.cursor === undefined ? deps.rooms.listRoomsOf(user.id) : Promise.resolve([]),
    deps.rooms.listDirectory(user.id, { limit: query.limit, after: query.cursor }),
  ]);
  const named = await withParticipantsAll(deps, mine);
  const people = new Set(named.flatMap((room) => room.participants ?? []).map((p) => p.id));
  people.delete(user.id);
  const [online, attention] = await Promise.all([
    people.size > 0 ? deps.presence.onlineAmong([...people]).then((set) => [...set]) : [],
    query.cursor === undefined ? attentionFor(deps, user) : undefined,
  ]);
  return {
    rooms: [...named, ...directory.rooms],
    memberOf: mine.map((room) => room.id),
    ...(directory.next ? { nextCursor: directory.next } : {}),
    ...(online.length > 0 ? { online } : {}),
    ...(attention ? { attention } : {}),
  };
}

export async function getRoom(deps: Pick<CoreDeps, 'rooms' | 'users'>, user: User, roomId: string): Promise<Room> {
  return withParticipants(deps, (await roomVisibleTo(deps, roomId, user)).room);
}

/** Public rooms can be read before joining (the directory's preview); private ones by members only. */
export async function readHistory(
  deps: Pick<CoreDeps, 'rooms' | 'messages'>,
  user: User,
  roomId: string,
  query: MessagesQuery,
): Promise<MessagePage> {
  await roomVisibleTo(deps, roomId, user);
  return deps.messages.pageMessages(roomId, query, user.id);
}
