import type { Ack } from './errors.js';
import type { Message, Room, User } from './types.js';
import type { MessageSendPayload, RoomJoinPayload } from './schemas.js';

/** The Socket.IO event map shared by the server, the web client and the tests. */

export type RoomJoinAck = Ack<{ room: Room; online: User[]; messages: Message[]; hasMore: boolean }>;
export type RoomLeaveAck = Ack<object>;
export type MessageSendAck = Ack<{ message: Message }>;

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

export interface ClientToServerEvents {
  'room:join': (payload: RoomJoinPayload, ack: (res: RoomJoinAck) => void) => void;
  'room:leave': (payload: { roomId: string }, ack: (res: RoomLeaveAck) => void) => void;
  'message:send': (payload: MessageSendPayload, ack: (res: MessageSendAck) => void) => void;
}

export interface ServerToClientEvents {
  'message:created': (event: { message: Message }) => void;
  'room:member_joined': (event: MemberEvent) => void;
  'room:member_left': (event: MemberEvent) => void;
  'room:presence': (event: PresenceEvent) => void;
  'session:ended': (event: { reason: string }) => void;
  /** The server closes this socket on purpose and it should not come back by itself (evicted). */
  'socket:closing': (event: { reason: 'too_many_sockets' }) => void;
  /** A room's details changed (a new share code): members replace what they hold. */
  'room:updated': (event: { room: Room }) => void;
}
