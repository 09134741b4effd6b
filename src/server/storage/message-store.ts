import type { Kysely } from 'kysely';
import type { MessagePage } from '../../contract/types.js';
import type { MessageStore } from '../core/ports.js';
import type { Database } from './database.js';
import type { NewMessage } from '../core/ports.js';
import { findByClientId, insertWithNextSeq, selectMessages, toMessage, type AppendResult } from './message-rows.js';
import { oneAtATimePerRoom } from './postgres-append-queue.js';
import type { Schema } from './schema.js';

const duplicate = Symbol('duplicate');

export function createMessageStore(database: Database): MessageStore {
  const { db } = database;
  const appendNow = (message: NewMessage) => appendOnce(database, message);
  // SQLite's batches already settle in queue order (sqlite-write-batch.ts).
  const append = database.engine === 'postgres' ? oneAtATimePerRoom(appendNow) : appendNow;
  return {
    appendMessage: (message) => append(message),
    pageMessages: (roomId, range) => pageMessages(db, roomId, range),
  };
}

/** Stores the message, or finds the one stored earlier with the same (author, clientId). */
async function appendOnce(database: Database, message: NewMessage): Promise<AppendResult> {
  try {
    // A duplicate rolls its write back, which also returns the seq it took: no gap.
    const stored = await database.write(async (trx) => (await insertWithNextSeq(trx, message)) ?? Promise.reject(duplicate));
    return { message: stored, created: true };
  } catch (error) {
    if (error !== duplicate) throw error;
    const original = await findByClientId(database.db, message.author.id, message.clientId);
    if (!original) throw new Error(`Message ${message.clientId} conflicted but is not found`);
    return { message: original, created: false };
  }
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
