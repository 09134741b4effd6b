import type { Kysely } from 'kysely';
import type { MessagePage } from '../../contract/types.js';
import type { MessageStore } from '../core/ports.js';
import type { Database } from './database.js';
import { selectMessages, toMessage } from './message-rows.js';
import { createPostgresAppender } from './postgres-append-queue.js';
import type { Schema } from './schema.js';
import { createSqliteAppender } from './sqlite-append-batch.js';

export function createMessageStore(database: Database): MessageStore {
  const { db } = database;
  const append = database.engine === 'sqlite' ? createSqliteAppender(db) : createPostgresAppender(db);
  return {
    appendMessage: (message) => append(message),
    pageMessages: (roomId, range) => pageMessages(db, roomId, range),
  };
}

/**
 * Walks the (room_id, seq) index from the bound (or the newest end) and reads one row past the
 * limit to learn whether more exist: no OFFSET, no COUNT, fast at either end of a huge room.
 */
async function pageMessages(
  db: Kysely<Schema>,
  roomId: string,
  { before, after, limit }: { before?: number; after?: number; limit: number },
): Promise<MessagePage> {
  let query = selectMessages(db).where('messages.room_id', '=', roomId);
  if (before !== undefined) query = query.where('messages.seq', '<', before);
  if (after !== undefined) query = query.where('messages.seq', '>', after);
  const newerFirst = after === undefined;
  const rows = await query
    .orderBy('messages.seq', newerFirst ? 'desc' : 'asc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map(toMessage);
  return { messages: newerFirst ? page.reverse() : page, hasMore: rows.length > limit };
}
