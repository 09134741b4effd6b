/** The objects that cross the wire, as PROTOCOL.md defines them. */
export type UserKind = 'guest' | 'member' | 'admin';

export interface User {
  id: string;
  username: string;
  kind: UserKind;
  createdAt: string;
}

export type Visibility = 'public' | 'private';

export interface Room {
  id: string;
  name: string;
  topic: string;
  visibility: Visibility;
  code: string;
  memberCount: number;
  lastSeq: number;
  createdAt: string;
}

export interface Author {
  id: string;
  username: string;
}

export interface Message {
  id: string;
  roomId: string;
  seq: number;
  author: Author;
  text: string;
  clientId: string;
  createdAt: string;
}

export interface MessagePage {
  messages: Message[];
  hasMore: boolean;
}

/** What an invite link shows before anyone joins (GET /api/invites/:code). */
export interface RoomPreview {
  room: Pick<Room, 'id' | 'name' | 'topic' | 'visibility' | 'memberCount'>;
  /** A public room's newest messages; a private room shows none until one joins. */
  messages: Message[];
  member: boolean;
}
