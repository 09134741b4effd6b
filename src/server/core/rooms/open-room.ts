import type { Attention, Message, Room, User } from '../../../contract/types.js';
import { attentionFor } from '../attention/read-state.js';
import { limits } from '../../../contract/limits.js';
import type { CoreDeps } from '../shared/deps.js';
import { ensureMember } from './membership.js';
import { roomVisibleTo } from './room-access.js';
import { withParticipants } from './participants.js';

type OpenDeps = Pick<CoreDeps, 'rooms' | 'users' | 'messages' | 'presence' | 'broadcast' | 'clock' | 'attention'>;

export interface OpenedRoom {
  room: Room;
  online: User[];
  messages: Message[];
  hasMore: boolean;
  attention?: Attention;
}

/** Where a client that already holds some of the room takes up: after a seq, or after a change position. */
export interface CatchUpFrom {
  afterSeq?: number;
  afterChange?: number;
}

/**
 * room:join, on one socket: joins a public room (a private one needs membership first) and
 * returns what a screen needs: the newest page; with afterSeq the messages it missed; with
 * afterChange every message changed since (new, edited, deleted or reacted to), in change order,
 * as it is now (how a client catches up with everything). The socket is subscribed once the
 * caller may see the room and before the page is read, so that a change stored after the read
 * reaches it live (one stored in between arrives both ways; clients keep the higher change).
 * Subscribed even when already a member: the socket may have connected while the membership was
 * being created, and so have missed the room.
 */
export async function openRoom(deps: OpenDeps, user: User, socketId: string, roomId: string, from: CatchUpFrom = {}): Promise<OpenedRoom> {
  const access = await roomVisibleTo(deps, roomId, user);
  const room = access.member ? access.room : await ensureMember(deps, access.room, user);
  await deps.broadcast.subscribeSocket(socketId, roomId);
  const page =
    from.afterChange !== undefined
      ? await deps.messages.pageChanges(roomId, from.afterChange, limits.catchUpMax, user.id)
      : from.afterSeq !== undefined
        ? await deps.messages.pageMessages(roomId, { after: from.afterSeq, limit: limits.catchUpMax }, user.id)
        : await deps.messages.pageMessages(roomId, { limit: limits.pageDefault }, user.id);
  const [online, [attention]] = await Promise.all([onlineMembers(deps, roomId), attentionFor(deps, user, [roomId])]);
  const lastSeq = Math.max(room.lastSeq, ...page.messages.map((m) => m.seq));
  const lastChange = Math.max(room.lastChange, ...page.messages.map((m) => m.change));
  const opened = {
    room: await withParticipants(deps, { ...room, lastSeq, lastChange }),
    online,
    messages: page.messages,
    hasMore: page.hasMore,
  };
  return attention ? { ...opened, attention } : opened;
}

async function onlineMembers(deps: Pick<OpenDeps, 'rooms' | 'users' | 'presence'>, roomId: string): Promise<User[]> {
  const memberIds = await deps.rooms.listMemberIds(roomId);
  const online = await deps.presence.onlineAmong(memberIds);
  return deps.users.findUsersByIds([...online]);
}
