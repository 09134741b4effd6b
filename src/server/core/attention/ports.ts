import type { Author, MentionPolicy, NotifyLevel } from '../../../contract/types.js';

/** A level as stored: 'default' follows the room's size (levels.ts). */
export type ChosenLevel = NotifyLevel | 'default';

/** One membership's read state with what of its room it needs. */
export interface ReadRow {
  roomId: string;
  readSeq: number;
  level: ChosenLevel;
  muted: boolean;
  lastSeq: number;
  memberCount: number;
}

export interface UnreadCounts {
  unread: number;
  mentions: number;
}

/** What attention use cases need from storage. */
export interface AttentionStore {
  /** The user's memberships (all, or of these rooms) with their rooms' last seq and size. */
  readRowsOf(userId: string, roomIds?: readonly string[]): Promise<ReadRow[]>;
  /**
   * Others' messages past `afterSeq` that are not deleted, and those among them calling the user
   * (by name, or everyone: '*'), each counted up to `max`.
   */
  countUnread(roomId: string, userId: string, afterSeq: number, max: number): Promise<UnreadCounts>;
  /**
   * Moves the read position forward to `seq` (never back, never past the room's last seq) and
   * gives the membership's row as it is then, and whether it moved; undefined for a non-member.
   * Nothing is written when it would not move.
   */
  markRead(roomId: string, userId: string, seq: number): Promise<{ row: ReadRow; moved: boolean } | undefined>;
  /** false for a non-member. */
  setLevel(roomId: string, userId: string, change: { level?: ChosenLevel; muted?: boolean }): Promise<boolean>;
  /** The room's members whose names are these (compared as names are made unique). */
  membersNamed(roomId: string, names: readonly string[]): Promise<Author[]>;
  setMentionPolicy(roomId: string, policy: MentionPolicy): Promise<void>;
}
