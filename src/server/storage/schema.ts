import type { Generated } from 'kysely';
import type { AttachmentKind, DirectPolicy, MentionPolicy, Room, RoomKind, UserKind, Visibility } from '../../contract/types.js';

/**
 * The tables as Kysely sees them. Times are ISO-8601 UTC strings on both engines: SQLite stores
 * them as text (fixed width, so they sort chronologically); PostgreSQL stores timestamptz and our
 * pool parses them back to ISO strings (see database.ts).
 */
export type Engine = 'sqlite' | 'postgres';

export interface Schema {
  users: UsersTable;
  sessions: SessionsTable;
  rooms: RoomsTable;
  memberships: MembershipsTable;
  messages: MessagesTable;
  password_resets: PasswordResetsTable;
  blocks: BlocksTable;
  mentions: MentionsTable;
  push_subscriptions: PushSubscriptionsTable;
  deliveries: DeliveriesTable;
  files: FilesTable;
  link_previews: LinkPreviewsTable;
  preview_images: PreviewImagesTable;
}

/** One upload; sent once message_id is set (migration 010). */
export interface FilesTable {
  id: string;
  room_id: string;
  uploader_id: string;
  message_id: string | null;
  name: string;
  type: string;
  kind: AttachmentKind;
  /** bigint on PostgreSQL: read back as a string there. */
  size: number | string;
  width: number | null;
  height: number | null;
  thumb_width: number | null;
  thumb_height: number | null;
  alt: Generated<string>;
  storage_key: string;
  thumb_key: string | null;
  created_at: string;
  deleted_at: string | null;
}

export interface LinkPreviewsTable {
  url: string;
  /** JSON LinkPreview, or null for a page with nothing worth a card. */
  preview: string | null;
  fetched_at: string;
}

export interface PreviewImagesTable {
  id: string;
  storage_key: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  /** nameKey(username): unique, so names that look alike cannot both exist (name-key.ts). */
  username_key: string;
  kind: UserKind;
  email: string | null;
  password_hash: string | null;
  created_at: string;
  last_seen_at: string;
  display_name: Generated<string>;
  status: Generated<string>;
  /** An IANA zone name ('Europe/Paris'), or '' when not given. */
  time_zone: Generated<string>;
  direct_policy: Generated<DirectPolicy>;
  /** The profile picture's version (its blobs are avatars/<id>/<version>-<size>.webp), or null. */
  avatar: string | null;
  /** Minutes an unread mention waits before it is mailed; 0: never. */
  digest_minutes: Generated<number>;
  /** Mentions written up to this time were mailed (or are too old to be). */
  digest_through: string | null;
  digest_sent_at: string | null;
}

export interface BlocksTable {
  blocker_id: string;
  blocked_id: string;
  created_at: string;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  last_used_at: string;
  expires_at: string;
}

export interface RoomsTable {
  id: string;
  name: string;
  /** nameKey(name): unique among public rooms only (name-key.ts). */
  name_key: string;
  topic: string;
  visibility: Visibility;
  code: string;
  owner_id: string;
  member_count: number;
  last_seq: number;
  last_change: number;
  created_at: string;
  last_activity_at: string;
  kind: Generated<RoomKind>;
  /** A direct room's member set (core/rooms/direct-key.ts); NULL for other rooms. */
  direct_key: string | null;
  /** 1 for a direct room begun with more than two people: it can be named, left and added to. */
  direct_group: Generated<number>;
  /** Who may use @room and @here. */
  mention_policy: Generated<MentionPolicy>;
  /** Notifications were handed out for the messages up to this seq (attention/notify-queue). */
  notified_seq: Generated<number>;
}

export type MembershipRole = 'owner' | 'member';

export interface MembershipsTable {
  room_id: string;
  user_id: string;
  role: MembershipRole;
  joined_at: string;
  last_read_seq: Generated<number>;
  /** 'default' follows the room's size (core/attention/levels.ts). */
  notify_level: Generated<StoredLevel>;
  muted: Generated<number>;
}

export type StoredLevel = 'default' | 'all' | 'mentions' | 'nothing';

/** One person a message mentions; user_id '*' is everyone in the room. */
export interface MentionsTable {
  room_id: string;
  seq: number;
  user_id: string;
  author_id: string;
  message_id: string;
  created_at: string;
}

export interface PushSubscriptionsTable {
  endpoint: string;
  user_id: string;
  p256dh: string;
  auth: string;
  created_at: string;
}

/** A push still to send (JSON payload), retried with a growing wait. */
export interface DeliveriesTable {
  id: string;
  user_id: string;
  endpoint: string;
  room_id: string;
  message_id: string;
  payload: string;
  attempts: Generated<number>;
  run_at: string;
}

export interface MessagesTable {
  id: string;
  room_id: string;
  seq: number;
  author_id: string;
  text: string;
  client_id: string;
  created_at: string;
  change_seq: number;
  edited_at: string | null;
  deleted_at: string | null;
  reply_to_id: string | null;
  /** JSON: Reaction[] in the order each emoji was first used ('[]' by default). */
  reactions: Generated<string>;
  /** JSON: Mention[] as resolved when written (or last edited). */
  mentions: Generated<string>;
  /** JSON: Attachment[] ('[]' by default). */
  attachments: Generated<string>;
  /** JSON: LinkPreview, or null. */
  preview: string | null;
}

export type RoomRow = Pick<
  RoomsTable,
  'id' | 'name' | 'topic' | 'visibility' | 'code' | 'member_count' | 'last_seq' | 'last_change' | 'created_at' | 'last_activity_at'
> & { kind: RoomKind; direct_group: number; mention_policy: MentionPolicy };

export const roomColumns = [
  'rooms.id',
  'rooms.name',
  'rooms.topic',
  'rooms.visibility',
  'rooms.code',
  'rooms.member_count',
  'rooms.last_seq',
  'rooms.last_change',
  'rooms.created_at',
  'rooms.kind',
  'rooms.last_activity_at',
  'rooms.direct_group',
  'rooms.mention_policy',
] as const;

/** A direct room's code opens nothing (findRoomByCode skips it) and is never shown. */
export function toRoom(row: RoomRow): Room {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    topic: row.topic,
    visibility: row.visibility,
    code: row.kind === 'direct' ? '' : row.code,
    memberCount: row.member_count,
    lastSeq: row.last_seq,
    lastChange: row.last_change,
    createdAt: row.created_at,
    lastActivityAt: row.last_activity_at,
    mentionPolicy: row.mention_policy,
    ...(row.kind === 'direct' ? { group: row.direct_group === 1 } : {}),
  };
}
