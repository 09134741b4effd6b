import type { Message, Room, User } from '../../../contract/types.js';
import { limits } from '../../../contract/limits.js';
import type { CoreDeps } from '../shared/deps.js';
import { ensureMember } from './membership.js';
import { roomVisibleTo } from './room-access.js';

type OpenDeps = Pick<CoreDeps, 'rooms' | 'users' | 'messages' | 'presence' | 'broadcast' | 'clock'>;

export interface OpenedRoom {
  room: Room;
  online: User[];
  messages: Message[];
  hasMore: boolean;
}

/**
 * room:join, on one socket: joins a public room (a private one needs membership first) and
 * returns what a screen needs: the newest page, or with afterSeq the messages it missed (how a
 * client catches up). The socket is subscribed once the caller may see the room and before the
 * page is read, so that a message stored after the read reaches it live (one stored in between
 * arrives both ways; clients keep one per seq). Subscribed even when already a member: the socket
 * may have connected while the membership was being created, and so have missed the room.
 */
export async function openRoom(deps: OpenDeps, user: User, socketId: string, roomId: string, afterSeq?: number): Promise<OpenedRoom> {
  const access = await roomVisibleTo(deps, roomId, user);
  const room = access.member ? access.room : await ensureMember(deps, access.room, user);
  await deps.broadcast.subscribeSocket(socketId, roomId);
  const page =
    afterSeq === undefined
      ? await deps.messages.pageMessages(roomId, { limit: limits.pageDefault })
      : await deps.messages.pageMessages(roomId, { after: afterSeq, limit: limits.catchUpMax });
  const online = await onlineMembers(deps, roomId);
  const lastSeq = Math.max(room.lastSeq, page.messages.at(-1)?.seq ?? 0);
  return { room: { ...room, lastSeq }, online, messages: page.messages, hasMore: page.hasMore };
}

async function onlineMembers(deps: Pick<OpenDeps, 'rooms' | 'users' | 'presence'>, roomId: string): Promise<User[]> {
  const memberIds = await deps.rooms.listMemberIds(roomId);
  const online = await deps.presence.onlineAmong(memberIds);
  return deps.users.findUsersByIds([...online]);
}
