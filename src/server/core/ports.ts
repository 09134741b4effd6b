import type { Message, MessagePage, Room, User, Visibility } from '../../contract/types.js';
import type { ServerToClientEvents } from '../../contract/events.js';

/**
 * What the core needs from the world. Adapters live in storage/ and realtime/; the core never
 * imports them. Every method is async so any adapter may be remote (PostgreSQL, Redis).
 */

export interface NewUser {
  id: string;
  username: string;
  kind: User['kind'];
  createdAt: string;
}

/** A user with what only they (and the server) may see. */
export interface Account {
  user: User;
  email: string | null;
  passwordHash: string | null;
}

export interface NewAccount {
  id: string;
  username: string;
  /** Lower-cased: addresses are unique case-insensitively. */
  email: string;
  passwordHash: string;
  createdAt: string;
  /** When set, this guest becomes the account: same id, memberships and messages. */
  guestId?: string;
}

export type Registration = { ok: true; user: User } | { ok: false; taken: 'username' | 'email' };

export interface UserStore {
  /** 'taken' when the username is already used, compared case-insensitively. */
  insertUser(user: NewUser): Promise<'ok' | 'taken'>;
  findUserById(id: string): Promise<User | undefined>;
  findUsersByIds(ids: readonly string[]): Promise<User[]>;
  findUserByName(username: string): Promise<User | undefined>;
  findAccountById(id: string): Promise<Account | undefined>;
  /** By username or e-mail, case-insensitively. */
  findAccountByLogin(login: string): Promise<Account | undefined>;
  /** Atomically: the first account registered on a server is an admin, later ones members. */
  registerAccount(account: NewAccount): Promise<Registration>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  setEmail(userId: string, email: string): Promise<'ok' | 'taken'>;
  setKind(userId: string, kind: User['kind']): Promise<void>;
  /**
   * Removes guests last seen before `seenBefore` who never wrote a message nor own a room, with
   * their memberships (member counts follow); returns how many, so their names come free.
   */
  removeIdleGuests(seenBefore: string): Promise<number>;
  listAccounts(): Promise<Account[]>;
}

export interface NewSession {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface SessionStore {
  insertSession(session: NewSession): Promise<void>;
  /**
   * The user of a session that has neither expired (sliding) nor was created at or before
   * `createdAfter` (the absolute lifetime); refreshes its last use.
   */
  findSessionUser(tokenHash: string, now: string, createdAfter: string): Promise<User | undefined>;
  /** Of these token hashes, the ones whose session is still alive by the same two rules. */
  findLiveSessions(tokenHashes: readonly string[], now: string, createdAfter: string): Promise<Set<string>>;
  /** Removes sessions dead by either rule; returns how many. */
  purgeSessions(now: string, createdAfter: string): Promise<number>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of the user but `keepTokenHash`; returns the hashes it ended. */
  deleteSessionsOfUser(userId: string, keepTokenHash?: string): Promise<string[]>;
}

export interface NewResetToken {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface ResetTokenStore {
  insertResetToken(token: NewResetToken): Promise<void>;
  /** The user of an unused, unexpired token, without using it. */
  findResetTokenUser(tokenHash: string, now: string): Promise<string | undefined>;
  /** Marks an unused, unexpired token used and returns its user; of concurrent calls, one wins. */
  consumeResetToken(tokenHash: string, now: string): Promise<string | undefined>;
  /** Every outstanding link of the user stops working (the password changed). */
  deleteResetTokensOfUser(userId: string): Promise<void>;
  /** Removes used and expired tokens; returns how many. */
  purgeResetTokens(now: string): Promise<number>;
}

/** Every store the app needs, as one storage adapter provides them. */
export interface Stores {
  users: UserStore;
  sessions: SessionStore;
  rooms: RoomStore;
  messages: MessageStore;
  resetTokens: ResetTokenStore;
  /** Resolves when the database answers a trivial query: the readiness check. */
  ping(): Promise<void>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Throws at once when a hash asked for now would be refused (a bounded hasher that is full). */
  refuseIfFull?(): void;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export interface NewRoom {
  id: string;
  name: string;
  topic: string;
  visibility: Visibility;
  code: string;
  ownerId: string;
  createdAt: string;
}

export interface MembershipChange {
  /** false when nothing changed (already a member / was not a member). */
  changed: boolean;
  memberCount: number;
}

export interface RoomStore {
  /** Stores the room with its owner as first member (memberCount 1). */
  insertRoom(room: NewRoom): Promise<'ok' | 'name_taken' | 'code_taken'>;
  findRoomById(id: string): Promise<Room | undefined>;
  findRoomByCode(code: string): Promise<Room | undefined>;
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
}

export interface NewMessage {
  id: string;
  roomId: string;
  author: { id: string; username: string };
  text: string;
  clientId: string;
  createdAt: string;
}

export interface MessageStore {
  /**
   * Durably stores the message with the room's next seq (gapless, in commit order) and resolves
   * once committed. Idempotent on (author, room, clientId): a repeat resolves to the original
   * message with created=false and stores nothing; the same clientId in another room is another
   * message. Appends to one room resolve in seq order.
   */
  appendMessage(message: NewMessage): Promise<{ message: Message; created: boolean }>;
  /** Oldest first. before/after are exclusive seq bounds; without them, the newest page. */
  pageMessages(roomId: string, range: { before?: number; after?: number; limit: number }): Promise<MessagePage>;
}

/**
 * Users who came or went without a socket event here: a process died with their last sockets, or
 * put its sockets back after the shared store had lost them.
 */
export interface PresenceChange {
  userIds: string[];
  online: boolean;
}

export interface PresenceTracker {
  /** true when this is the user's first connected socket. */
  socketConnected(userId: string, socketId: string): Promise<boolean>;
  /** true when this was the user's last connected socket. */
  socketDisconnected(userId: string, socketId: string): Promise<boolean>;
  onlineAmong(userIds: readonly string[]): Promise<Set<string>>;
  /** Shared trackers only: changes found by sweeping (a dead process) rather than by a socket event. */
  onChange?(listener: (change: PresenceChange) => void): void;
}

type EventName = keyof ServerToClientEvents;
export type EventPayload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

export interface Broadcaster {
  toRoom<E extends EventName>(roomId: string, event: E, payload: EventPayload<E>): void;
  toUser<E extends EventName>(userId: string, event: E, payload: EventPayload<E>): void;
  /** Every socket of the user starts receiving the room (a membership began). */
  subscribeUser(userId: string, roomId: string): Promise<void>;
  /** Every socket of the user stops receiving the room (a membership ended). */
  unsubscribeUser(userId: string, roomId: string): Promise<void>;
  disconnectUser(userId: string): Promise<void>;
  /** Disconnects the sockets opened with one session (its token hash). */
  disconnectSession(tokenHash: string): Promise<void>;
}

export interface RateRule {
  name: string;
  limit: number;
  windowMs: number;
}

export type RateVerdict = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  consume(rule: RateRule, key: string): Promise<RateVerdict>;
  /** Whether one more would be allowed, without counting it. */
  peek(rule: RateRule, key: string): Promise<RateVerdict>;
  /** Gives back one counted attempt (it turned out to be a success that should not count). */
  refund(rule: RateRule, key: string): Promise<void>;
  /** Forgets the key's count under the rule altogether. */
  reset(rule: RateRule, key: string): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface Ids {
  newId(): string;
  newRoomCode(length: number): string;
  newToken(): string;
  hashToken(token: string): string;
}
