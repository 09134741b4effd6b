import type { Attachment, Attention, ErrorBody, Message, ReplyRef, Room, User } from '../../contract/index.js';

/** A message the client has shown but the server has not acknowledged yet. */
export interface PendingMessage {
  clientId: string;
  roomId: string;
  text: string;
  /** The answered message, as it was when this one was written. */
  replyTo?: ReplyRef;
  /** Files uploaded before it was sent, which it carries. */
  attachments?: Attachment[];
  createdAt: string;
  status: 'pending' | 'failed';
  error?: ErrorBody;
}

/** "Ann entered the room": shown in the conversation after the message with seq `afterSeq`. */
export interface Notice {
  id: string;
  afterSeq: number;
  text: string;
  createdAt: string;
}

export interface RoomView {
  room: Room;
  /** Confirmed messages, ascending by seq, one per seq. */
  messages: Message[];
  pending: PendingMessage[];
  notices: Notice[];
  online: User[];
  /** A room:join ack arrived at least once, so `messages` ends at the newest message. */
  loaded: boolean;
  /** The change position up to which this view holds every change: where a catch-up starts. */
  syncedChange: number;
  /** The message the composer answers, if any. */
  replyingTo: Message | null;
  /** The own message being edited in place, if any. */
  editingId: string | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  /** The server's read state (GET /api/rooms, room:join, room:attention), moved on by live messages. */
  attention: ReadState;
  /** Where "New messages" goes while the room is open: after this seq (the read position on opening). */
  unreadAfterSeq: number | null;
}

export type ReadState = Omit<Attention, 'roomId'>;

/** Someone typing in a room, and when they last said so. */
export interface Typist {
  user: User;
  at: number;
}

/** `closed`: the server closed this tab's socket for good (too many open elsewhere); a reload reopens it. */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'closed';

export interface ChatState {
  me: User | null;
  connection: ConnectionStatus;
  rooms: Record<string, RoomView>;
  /** Rooms the user belongs to, in sidebar order. */
  myRoomIds: string[];
  /** GET /api/rooms answered once: until then, not being in myRoomIds means nothing yet. */
  roomsListed: boolean;
  /** Every room GET /api/rooms listed; the directory shows the public ones the user is not in. */
  directory: Room[];
  /** Where the next page of the public directory starts; null when every page is here. */
  directoryCursor: string | null;
  activeRoomId: string | null;
  /** Whom presence has told of, across every room: online or not (the direct messages' dots). */
  peopleOnline: Record<string, boolean>;
  /** People the user blocks: their messages are folded away. */
  blockedIds: string[];
  /** Whose profile card is open, if anyone's. */
  profileUserId: string | null;
  /** Who is typing, by room (ephemeral: expired by the reader after a few seconds). */
  typing: Record<string, Typist[]>;
}
