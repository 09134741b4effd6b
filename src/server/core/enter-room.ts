import type { Message, Room, User } from '../../contract/types.js';
import { limits } from '../../contract/limits.js';
import type { CoreDeps } from './deps.js';
import { ensureMember } from './membership.js';
import { roomVisibleTo } from './room-access.js';

type EnterDeps = Pick<CoreDeps, 'rooms' | 'users' | 'messages' | 'presence' | 'broadcast' | 'clock'>;

export interface RoomEntry {
  room: Room;
  online: User[];
  messages: Message[];
  hasMore: boolean;
}

/**
 * room:join: joins a public room (a private one needs membership first) and returns what a screen
 * needs: the newest page, or with afterSeq the messages it missed (how a client catches up).
 * `subscribe` runs once the caller may see the room and before the page is read, so that a message
 * stored after the read reaches the caller live (one stored in between arrives both ways; clients
 * keep one per seq).
 */
export async function enterRoom(
  deps: EnterDeps,
  user: User,
  roomId: string,
  afterSeq?: number,
  subscribe: () => Promise<void> = async () => undefined,
): Promise<RoomEntry> {
  const access = await roomVisibleTo(deps, roomId, user);
  const room = access.member ? access.room : await ensureMember(deps, access.room, user);
  await subscribe();
  const page =
    afterSeq === undefined
      ? await deps.messages.pageMessages(roomId, { limit: limits.pageDefault })
      : await deps.messages.pageMessages(roomId, { after: afterSeq, limit: limits.catchUpMax });
  const online = await onlineMembers(deps, roomId);
  const lastSeq = Math.max(room.lastSeq, page.messages.at(-1)?.seq ?? 0);
  return { room: { ...room, lastSeq }, online, messages: page.messages, hasMore: page.hasMore };
}

async function onlineMembers(deps: Pick<EnterDeps, 'rooms' | 'users' | 'presence'>, roomId: string): Promise<User[]> {
  const memberIds = await deps.rooms.listMemberIds(roomId);
  const online = await deps.presence.onlineAmong(memberIds);
  return deps.users.findUsersByIds([...online]);
}
