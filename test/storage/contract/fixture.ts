import type { NewAccount } from '../../../src/server/core/accounts/ports.js';
import type { NewMessage } from '../../../src/server/core/messages/ports.js';
import type { Database } from '../../../src/server/storage/database.js';
import { createStores, type Stores } from '../../../src/server/storage/stores.js';
import type { User, Visibility } from '../../../src/contract/types.js';

export interface StoreTarget {
  /** Opens (and migrates) the database under test; every call reaches the same data. */
  open(): Promise<Database>;
  /**
   * A new, empty database of the same engine: every call of the returned opener reaches it (and
   * migrates it). The caller closes what it opens; `cleanup` removes the database.
   */
  freshDatabase(): () => Promise<Database>;
  /** Removes the database (and every fresh one) after the suite. */
  cleanup(): Promise<void>;
  /** Several store instances may share the database, as several server processes would. */
  sharedByProcesses: boolean;
}

export interface Author {
  id: string;
  username: string;
}

/** The suite's open database and helpers making uniquely named users, rooms and messages. */
export class Fixture {
  database!: Database;
  stores!: Stores;
  private time = Date.parse('2026-11-21T08:00:00.000Z');
  private counter = 0;

  constructor(readonly target: StoreTarget) {}

  async open(): Promise<void> {
    this.database = await this.target.open();
    this.stores = createStores(this.database);
  }

  /** A later time at each call, so activity order is deterministic. */
  now(): string {
    this.time += 1000;
    return new Date(this.time).toISOString();
  }

  unique(prefix: string): string {
    return `${prefix}${++this.counter}`;
  }

  async user(username = this.unique('User')): Promise<Author> {
    const id = this.unique('u');
    const result = await this.stores.users.insertUser({ id, username, kind: 'guest', createdAt: this.now() });
    if (result !== 'ok') throw new Error(`user ${username}: ${result}`);
    return { id, username };
  }

  async room(ownerId: string, options: { name?: string; visibility?: Visibility } = {}): Promise<string> {
    const id = this.unique('r');
    const result = await this.stores.rooms.insertRoom({
      id,
      name: options.name ?? this.unique('Room '),
      topic: '',
      visibility: options.visibility ?? 'public',
      code: this.unique('CODE'),
      ownerId,
      createdAt: this.now(),
    });
    if (result !== 'ok') throw new Error(`room ${id}: ${result}`);
    return id;
  }

  /** A registration of a new account with a unique username and (lower-case) e-mail. */
  newAccount(fields: Partial<NewAccount> = {}): NewAccount {
    const username = this.unique('Member');
    return {
      id: this.unique('u'),
      username,
      email: `${username.toLowerCase()}@example.org`,
      passwordHash: this.unique('hash'),
      createdAt: this.now(),
      ...fields,
    };
  }

  async account(fields: Partial<NewAccount> = {}): Promise<User> {
    const registration = await this.stores.users.registerAccount(this.newAccount(fields));
    if (!registration.ok) throw new Error(`account: ${registration.taken} taken`);
    return registration.user;
  }

  message(roomId: string, author: Author, clientId = this.unique('c')): NewMessage {
    return { id: this.unique('m'), roomId, author, text: `hello ${clientId}`, clientId, createdAt: this.now() };
  }

  async seqsOf(roomId: string): Promise<number[]> {
    const page = await this.stores.messages.pageMessages(roomId, { after: 0, limit: 1000 });
    return page.messages.map((m) => m.seq);
  }
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
