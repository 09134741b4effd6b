import type { Room, RoomKind, Visibility } from '../../../contract/types.js';

/** What room use cases need from storage. */

export interface NewRoom {
  id: string;
  name: string;
  topic: string;
  visibility: Visibility;
  code: string;
  ownerId: string;
  createdAt: string;
  /** Default 'room'. A direct room is private, and keyed by its member set. */
  kind?: RoomKind;
  directKey?: string;
  /** Members besides the owner, added in the same transaction (a direct room's other people). */
  otherMemberIds?: string[];
  /** A direct room begun with more than two people (Room.group). */
  directGroup?: boolean;
}

export interface MembershipChange {
  /** false when nothing changed (already a member / was not a member). */
  changed: boolean;
  memberCount: number;
}

export interface RoomStore {
  /** Stores the room with its owner as first member, and any others, in one transaction. */
  insertRoom(room: NewRoom): Promise<'ok' | 'name_taken' | 'code_taken' | 'direct_taken'>;
  findRoomById(id: string): Promise<Room | undefined>;
  /** A room (never a direct one: their codes open nothing) by its share code. */
  findRoomByCode(code: string): Promise<Room | undefined>;
  /** The direct room of exactly this member set (directKey), if there is one. */
  findDirectRoom(directKey: string): Promise<Room | undefined>;
  /** The member ids of each of these rooms (for naming direct rooms by their people). */
  listMembersOf(roomIds: readonly string[]): Promise<Map<string, string[]>>;
  /** A public room by name, compared case-insensitively. */
  findPublicRoomByName(name: string): Promise<Room | undefined>;
  /** Every room the user belongs to, newest activity first. */
  listRoomsOf(userId: string): Promise<Room[]>;
  /**
   * One page of the public rooms the user does not belong to, by name; `after` is the `next` of
   * the page before. Paged, so a directory of 100,000 rooms is not one answer.
   */
  listDirectory(userId: string, page: { limit: number; after?: string }): Promise<{ rooms: Room[]; next?: string }>;
  /** The room and whether the user belongs to it, in one read (every send and every join asks). */
  findRoomFor(roomId: string, userId: string): Promise<{ room: Room; member: boolean } | undefined>;
  addMember(roomId: string, userId: string, joinedAt: string): Promise<MembershipChange>;
  removeMember(roomId: string, userId: string): Promise<MembershipChange>;
  listMemberIds(roomId: string): Promise<string[]>;
  /** The member's role in the room ('owner' for its creator), or undefined for a non-member. */
  roleOf(roomId: string, userId: string): Promise<string | undefined>;
  /** Replaces the share code; the old one stops working at once. */
  setRoomCode(roomId: string, code: string): Promise<'ok' | 'code_taken'>;
  listRoomIdsOf(userId: string): Promise<string[]>;
  /** A direct group's name ('' for none). */
  setRoomName(roomId: string, name: string): Promise<void>;
  /**
   * A direct room's member set changed: its key follows, or is cleared (null) when another
   * conversation already has that set, which then stays the one those people land in.
   */
  rekeyDirectRoom(roomId: string, directKey: string | null): Promise<'ok' | 'taken'>;
}
