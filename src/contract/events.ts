import type { CommandAck } from './commands.js';
import type { Attention, Message, Room, User } from './types.js';

/**
 * The Socket.IO event maps shared by the server, the web client and the tests: client → server
 * events come from the command table (commands.ts), server → client events are listed here.
 */
export type { ClientToServerEvents } from './commands.js';

export type RoomJoinAck = CommandAck<'room:join'>;
export type RoomLeaveAck = CommandAck<'room:leave'>;
export type MessageSendAck = CommandAck<'message:send'>;

export interface MemberEvent {
  roomId: string;
  user: User;
  memberCount: number;
}

export interface PresenceEvent {
  roomId: string;
  user: User;
  online: boolean;
}

export interface ServerToClientEvents {
  'message:created': (event: { message: Message }) => void;
  /** The message's text was edited by `by`; `message` is its whole current state (`me` is `by`'s). */
  'message:updated': (event: { message: Message; by: string }) => void;
  /** The message was deleted: its text is gone, `deletedAt` set; replies keep pointing at it. */
  'message:deleted': (event: { message: Message }) => void;
  /** `by` reacted or took a reaction back; `message` carries every reaction now (`me` is `by`'s). */
  'message:reactions': (event: { message: Message; by: string }) => void;
  'room:member_joined': (event: MemberEvent) => void;
  'room:member_left': (event: MemberEvent) => void;
  'room:presence': (event: PresenceEvent) => void;
  'session:ended': (event: { reason: string }) => void;
  /** The server closes this socket on purpose and it should not come back by itself (evicted). */
  'socket:closing': (event: { reason: 'too_many_sockets' }) => void;
  /** A room's details changed (a new share code): members replace what they hold. */
  'room:updated': (event: { room: Room }) => void;
  /** The user's sockets: a room they were made a member of (a direct conversation someone started). */
  'room:added': (event: { room: Room }) => void;
  /** The user's own sockets: they blocked or unblocked someone (in another tab, say). */
  'person:blocked': (event: { userId: string; blocked: boolean }) => void;
  /** The user's own sockets: their read state or notification level in a room changed (any device). */
  'room:attention': (event: { attention: Attention }) => void;
  /** Volatile, never stored: `user` is typing in the room now; clients expire it after a few seconds. */
  'room:typing': (event: { roomId: string; user: User }) => void;
}
