import type { Database } from './database.js';
import { createMessageStore } from './messages/message-store.js';
import { createResetTokenStore } from './accounts/reset-token-store.js';
import { createRoomStore } from './rooms/room-store.js';
import { createSessionStore } from './accounts/session-store.js';
import { createUserStore } from './accounts/user-store.js';
import { createPeopleStore } from './people/people-store.js';
import { createAttentionStore } from './attention/attention-store.js';
import { createNotifyStore } from './attention/notify-store.js';
import { createDigestStore } from './attention/digest-store.js';
import { createFileStore } from './files/file-store.js';
import { createPreviewStore } from './files/preview-store.js';

export { openDatabase, type Database, type Engine, type OpenOptions } from './database.js';

import type { Stores } from '../core/shared/ports.js';
export type { Stores };

export function createStores(database: Database): Stores {
  return {
    users: createUserStore(database),
    sessions: createSessionStore(database),
    rooms: createRoomStore(database),
    messages: createMessageStore(database),
    resetTokens: createResetTokenStore(database),
    people: createPeopleStore(database),
    attention: createAttentionStore(database),
    notify: createNotifyStore(database),
    digests: createDigestStore(database),
    files: createFileStore(database),
    previews: createPreviewStore(database),
    ping: () => database.ping(),
  };
}
