import type { MessageStore, ResetTokenStore, RoomStore, SessionStore, UserStore } from '../core/ports.js';
import type { Database } from './database.js';
import { createMessageStore } from './message-store.js';
import { createResetTokenStore } from './reset-token-store.js';
import { createRoomStore } from './room-store.js';
import { createSessionStore } from './session-store.js';
import { createUserStore } from './user-store.js';

export { openDatabase, type Database, type Engine, type OpenOptions } from './database.js';

export interface Stores {
  users: UserStore;
  sessions: SessionStore;
  rooms: RoomStore;
  messages: MessageStore;
  resetTokens: ResetTokenStore;
  /** Resolves when the database answers a trivial query: the readiness check. */
  ping(): Promise<void>;
}

export function createStores(database: Database): Stores {
  return {
    users: createUserStore(database),
    sessions: createSessionStore(database.db),
    rooms: createRoomStore(database.db),
    messages: createMessageStore(database),
    resetTokens: createResetTokenStore(database.db),
    ping: () => database.ping(),
  };
}
