import type { DirectPolicy, Member, ProfileSettings, Room, User } from '../../../contract/types.js';

/** What people use cases (profiles, blocking, member lists) need from storage. */

export interface Person extends ProfileSettings {
  user: User;
  lastSeenAt: string;
}

export interface Block {
  blockerId: string;
  blockedId: string;
}

export type RoomInCommon = Pick<Room, 'id' | 'name' | 'visibility'>;

export interface PeopleStore {
  findPerson(userId: string): Promise<Person | undefined>;
  /** The policies of these people, unknown ids left out. */
  directPoliciesOf(userIds: readonly string[]): Promise<Map<string, DirectPolicy>>;
  updateProfile(userId: string, changes: Partial<ProfileSettings>): Promise<void>;
  /** Blocking twice is blocking once. */
  block(blockerId: string, blockedId: string, at: string): Promise<void>;
  unblock(blockerId: string, blockedId: string): Promise<void>;
  /** Whom the user blocks, by name. */
  listBlocked(blockerId: string): Promise<User[]>;
  /** Every block between two of these people, whichever way. */
  blocksAmong(userIds: readonly string[]): Promise<Block[]>;
  /** Rooms (never direct ones) both belong to, by name. */
  roomsInCommon(userId: string, otherId: string): Promise<RoomInCommon[]>;
  /** A room's members, most recently seen first, at most `limit`. */
  listMembers(roomId: string, limit: number): Promise<Member[]>;
  touchLastSeen(userId: string, at: string): Promise<void>;
}
