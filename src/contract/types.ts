/** The objects that cross the wire, as PROTOCOL.md defines them. */
export type UserKind = 'guest' | 'member' | 'admin';

export interface User {
  id: string;
  username: string;
  kind: UserKind;
  createdAt: string;
  /** The version of their profile picture (`/api/people/:id/avatar?v=…`), when they have one. */
  avatar?: string;
}

export type Visibility = 'public' | 'private';

/** 'direct': a conversation between the same few people, private to them (no code, no directory). */
export type RoomKind = 'room' | 'direct';

export interface Room {
  id: string;
  kind: RoomKind;
  /** A direct room's name is empty unless its people gave the group one. */
  name: string;
  topic: string;
  visibility: Visibility;
  code: string;
  memberCount: number;
  lastSeq: number;
  /** The room's newest change position (a new, edited or deleted message, or a reaction). */
  lastChange: number;
  createdAt: string;
  /** When its newest message was written (or the room created): the sidebar's "newest first". */
  lastActivityAt: string;
  /** A direct room's people, the reader included (a direct room is named by the others). */
  participants?: User[];
  /**
   * Direct rooms only: begun with more than two people. A group can be named, added to and left;
   * a one-to-one cannot (adding someone starts a new group).
   */
  group?: boolean;
  /** Who may call everyone with `@room` / `@here`: every member, or the room's owners. */
  mentionPolicy: MentionPolicy;
}

export type MentionPolicy = 'everyone' | 'owners';

/**
 * Whom a message mentions, resolved on the server against the room's members when it was written
 * (or last edited): a member by name, everyone (`@room`), or those online (`@here`).
 */
export type Mention = { kind: 'user'; id: string; username: string } | { kind: 'room' } | { kind: 'here' };

/** How loudly a room may call a member: every message, mentions (and direct messages), or never. */
export type NotifyLevel = 'all' | 'mentions' | 'nothing';

/**
 * A member's read state in one room, as the server holds it: how far they have read, what is
 * unread past it (others' messages, not deleted) and how many of those mention them. Counts stop
 * at `limits.unreadCountMax`.
 */
export interface Attention {
  roomId: string;
  readSeq: number;
  unread: number;
  mentions: number;
  /** The level in effect: the chosen one, or the room's default (`levelChosen` false). */
  level: NotifyLevel;
  levelChosen: boolean;
  /** Muted: nothing is notified and the unread count is not shown (mentions still are). */
  muted: boolean;
}

/** Who may start a direct conversation with a person: anyone signed in, or people sharing a room. */
export type DirectPolicy = 'anyone' | 'shared_room';

/** What a person tells others about themselves (GET /api/people/:id), as the reader sees it. */
export interface Profile {
  user: User;
  /** '' when not given: the username stands in. */
  displayName: string;
  status: string;
  /** An IANA zone ('Europe/Paris') or '': shown as their local time. */
  timeZone: string;
  /** When they were last connected or using the site; told only to people sharing a room with them. */
  lastSeenAt?: string;
  online?: boolean;
  /** Rooms (not direct conversations) both the reader and they belong to, by name. */
  roomsInCommon: Array<Pick<Room, 'id' | 'name' | 'visibility'>>;
  /** Whether the reader blocks them. */
  blocked: boolean;
}

/** One's own profile settings (GET/PATCH /api/account/profile). */
export interface ProfileSettings {
  displayName: string;
  status: string;
  timeZone: string;
  directPolicy: DirectPolicy;
}

/** A room's member, for the people panel: everyone, online or not. */
export interface Member {
  user: User;
  displayName: string;
  lastSeenAt: string;
}

export interface Author {
  id: string;
  username: string;
  /** The version of their profile picture (`/api/people/:id/avatar?v=…`), when they have one. */
  avatar?: string;
}

/** What a reply shows of the message it answers, as that message is now. */
export interface ReplyRef {
  id: string;
  seq: number;
  author: Author;
  /** The start of its text; empty once it was deleted. */
  excerpt: string;
  deleted: boolean;
}

/**
 * One emoji on a message: how many people put it there and whether the reader is one of them.
 * Who they are is asked for separately (`GET …/reactions`), so a popular message stays small.
 */
export interface Reaction {
  emoji: string;
  count: number;
  /**
   * Whether the reader reacted with it. In a broadcast (`message:updated`, `message:reactions`)
   * it is whether `by`, who made the change, did: a client keeps its own flags unless `by` is itself.
   */
  me: boolean;
}

export interface Message {
  id: string;
  roomId: string;
  seq: number;
  /**
   * The position of this message's latest change in its room's change sequence: gapless per room,
   * taken in the same transaction as the change. Of two copies of one message, the higher wins.
   */
  change: number;
  author: Author;
  /** Markdown as written; empty once deleted. */
  text: string;
  clientId: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  replyTo: ReplyRef | null;
  reactions: Reaction[];
  mentions: Mention[];
  /** Files sent with it, in the order they were attached (none once deleted). */
  attachments: Attachment[];
  /** The card for its first link, once the server has fetched it (a change of its own); null otherwise. */
  preview: LinkPreview | null;
}

/** How a file is shown: a picture, a player, or a card to download. */
export type AttachmentKind = 'image' | 'video' | 'audio' | 'file';

/**
 * A file sent with a message. Its bytes are at `/api/files/:id` (images re-encoded, with no
 * metadata), a picture's small version at `/api/files/:id/thumb`; each request is checked against
 * the room's membership.
 */
export interface Attachment {
  id: string;
  /** The name it was uploaded under. */
  name: string;
  /** What its bytes are (sniffed on the server), e.g. 'image/png'; 'application/octet-stream' when unknown. */
  type: string;
  kind: AttachmentKind;
  size: number;
  /** Images: the picture's own size (after turning it upright), so the list can reserve its space. */
  width?: number;
  height?: number;
  /** Images: the thumbnail's size. */
  thumb?: { width: number; height: number };
  /** Read aloud for the picture: the author's description, or the file name. */
  alt: string;
}

/** What a link is about, read by the server from the page (Open Graph, Twitter card or title). */
export interface LinkPreview {
  url: string;
  title: string;
  description: string;
  siteName: string;
  /** The page's picture, fetched and re-encoded by the server: `/api/previews/:image`. */
  image: { id: string; width: number; height: number } | null;
  /** A YouTube or Vimeo video: the player to load when it is clicked. */
  embed: { provider: 'youtube' | 'vimeo'; videoId: string } | null;
}

export interface MessagePage {
  messages: Message[];
  /** Older messages exist (or, after a seq, newer ones: the page's direction). */
  hasMore: boolean;
  /** With `around` only: newer messages exist past this page. */
  hasNewer?: boolean;
}

/** What an invite link shows before anyone joins (GET /api/invites/:code). */
export interface RoomPreview {
  room: Pick<Room, 'id' | 'name' | 'topic' | 'visibility' | 'memberCount'>;
  /** A public room's newest messages; a private room shows none until one joins. */
  messages: Message[];
  member: boolean;
}
