import type { CompiledQuery } from 'kysely';
import type { MessagePage } from '../../../contract/types.js';
import type { MessageStore } from '../../core/messages/ports.js';
import type { Database } from '../database.js';
import type { NewMessage } from '../../core/messages/ports.js';
import { changeMessage } from './message-changes.js';
import {
  findByClientId,
  findById,
  findRowById,
  insertWithNextSeq,
  parseReactions,
  messageQueries,
  readPage,
  type AppendResult,
  type MessageQueries,
} from './message-rows.js';
import { oneAtATimePerRoom } from './postgres-append-queue.js';

const duplicate = Symbol('duplicate');

export function createMessageStore(database: Database): MessageStore {
  const { db } = database;
  const q = messageQueries(db);
  const appendNow = (message: NewMessage) => appendOnce(q, database, message);
  // SQLite's batches already settle in queue order (sqlite/write-batch.ts).
  const append = database.engine === 'postgres' ? oneAtATimePerRoom(appendNow) : appendNow;
  return {
    appendMessage: (message) => append(message),
    pageMessages: (roomId, range, readerId) => pageMessages(q, database, roomId, range, readerId),
    async pageChanges(roomId, afterChange, limit, readerId) {
      const messages = await readPage(database, q.changesAfter(roomId, afterChange, limit + 1), readerId);
      return { messages: messages.slice(0, limit), hasMore: messages.length > limit };
    },
    findMessage: (roomId, messageId, readerId) => findById(q, db, roomId, messageId, readerId),
    async reactionsOf(roomId, messageId) {
      const row = await findRowById(q, db, roomId, messageId);
      return row && parseReactions(row.reactions);
    },
    changeMessage: (roomId, messageId, change) => changeMessage(q, database, roomId, messageId, change),
  };
}

/** Stores the message, or finds the one stored earlier with the same (author, room, clientId). */
async function appendOnce(q: MessageQueries, database: Database, message: NewMessage): Promise<AppendResult> {
  try {
    // A duplicate rolls its write back, which also returns the seq it took: no gap.
    const stored = await database.write(async (trx) => (await insertWithNextSeq(q, trx, message)) ?? Promise.reject(duplicate));
    return { message: stored, created: true };
  } catch (error) {
    if (error !== duplicate) throw error;
    const original = await findByClientId(q, database.db, message.author.id, message.roomId, message.clientId);
    if (!original) throw new Error(`Message ${message.clientId} conflicted but is not found`);
    return { message: original, created: false };
  }
}

/**
 * Walks the (room_id, seq) index from the bound (or the newest end) and reads one row past the
 * limit to learn whether more exist: no OFFSET, no COUNT, fast at either end of a huge room.
 */
async function pageMessages(
  q: MessageQueries,
  database: Database,
  roomId: string,
  { before, after, around, limit }: { before?: number; after?: number; around?: number; limit: number },
  readerId: string | undefined,
): Promise<MessagePage> {
  const read = (query: CompiledQuery) => readPage(database, query, readerId);
  if (around !== undefined) {
    const half = Math.ceil(limit / 2);
    const [older, newer] = await Promise.all([
      read(q.before(roomId, around + 1, half + 1)),
      read(q.after(roomId, around, limit - half + 1)),
    ]);
    return {
      messages: [...older.slice(0, half).reverse(), ...newer.slice(0, limit - half)],
      hasMore: older.length > half,
      hasNewer: newer.length > limit - half,
    };
  }
  const rows = await read(
    after !== undefined
      ? q.after(roomId, after, limit + 1)
      : before !== undefined
        ? q.before(roomId, before, limit + 1)
        : q.newest(roomId, limit + 1),
  );
  const page = rows.slice(0, limit);
  return { messages: after === undefined ? page.reverse() : page, hasMore: rows.length > limit };
}
