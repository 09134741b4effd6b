import type { User } from '../../../contract/types.js';

/** What account, session and password use cases need from the world. */

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
  /** People whose name starts like `prefix` (compared as names are: case and look-alikes folded), by name. */
  searchUsers(prefix: string, limit: number): Promise<User[]>;
  findAccountById(id: string): Promise<Account | undefined>;
  /** By username or e-mail, case-insensitively. */
  findAccountByLogin(login: string): Promise<Account | undefined>;
  /** Atomically: the first account registered on a server is an admin, later ones members. */
  registerAccount(account: NewAccount): Promise<Registration>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  setEmail(userId: string, email: string): Promise<'ok' | 'taken'>;
  setKind(userId: string, kind: User['kind']): Promise<void>;
  /** Sets (or with null removes) the profile picture's version; resolves to the one it replaced. */
  setAvatar(userId: string, version: string | null): Promise<string | null>;
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
