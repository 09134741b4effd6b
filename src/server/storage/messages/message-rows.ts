import type { Kysely } from 'kysely';
import type { Message } from '../../../contract/types.js';
import type { NewMessage } from '../../core/messages/ports.js';
import { compileOnce } from '../compile-once.js';
import type { MessagesTable, Schema } from '../schema.js';

export interface AppendResult {
  message: Message;
  created: boolean;
}

type MessageRow = Omit<MessagesTable, 'author_id'> & { author_id: string; username: string };

export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    roomId: row.room_id,
    seq: row.seq,
    author: { id: row.author_id, username: row.username },
    text: row.text,
    clientId: row.client_id,
    createdAt: row.created_at,
  };
}

/** Messages with their author's current name. */
function selectMessages(db: Kysely<Schema>) {
  return db
    .selectFrom('messages')
    .innerJoin('users', 'users.id', 'messages.author_id')
    .select([
      'messages.id',
      'messages.room_id',
      'messages.seq',
      'messages.author_id',
      'users.username',
      'messages.text',
      'messages.client_id',
      'messages.created_at',
    ]);
}

export type MessageQueries = ReturnType<typeof messageQueries>;

/** A page of a room walking away from a seq: older (`<`, newest first) or newer (`>`, oldest first). */
const pageFrom = (db: Kysely<Schema>, side: '<' | '>', order: 'asc' | 'desc') =>
  compileOnce(db, (db, roomId: string, seq: number, limit: number) =>
    selectMessages(db).where('messages.room_id', '=', roomId).where('messages.seq', side, seq).orderBy('messages.seq', order).limit(limit),
  );

/** The message store's queries, compiled once for this database's dialect (compile-once.ts). */
export function messageQueries(db: Kysely<Schema>) {
  return {
    takeNextSeq: compileOnce(db, (db, roomId: string, at: string) =>
      db
        .updateTable('rooms')
        .set((eb) => ({ last_seq: eb('last_seq', '+', 1), last_activity_at: at }))
        .where('id', '=', roomId)
        .returning('last_seq'),
    ),
    // DO NOTHING waits for a racing insert of the same key to commit or roll back, then decides.
    insertUnlessDuplicate: compileOnce(
      db,
      (db, id: string, roomId: string, seq: number, authorId: string, text: string, clientId: string, createdAt: string) =>
        db
          .insertInto('messages')
          .values({ id, room_id: roomId, seq, author_id: authorId, text, client_id: clientId, created_at: createdAt })
          .onConflict((oc) => oc.columns(['author_id', 'room_id', 'client_id']).doNothing())
          .returning('seq'),
    ),
    byClientId: compileOnce(db, (db, authorId: string, roomId: string, clientId: string) =>
      selectMessages(db)
        .where('messages.author_id', '=', authorId)
        .where('messages.room_id', '=', roomId)
        .where('messages.client_id', '=', clientId),
    ),
    newest: compileOnce(db, (db, roomId: string, limit: number) =>
      selectMessages(db).where('messages.room_id', '=', roomId).orderBy('messages.seq', 'desc').limit(limit),
    ),
    before: pageFrom(db, '<', 'desc'),
    after: pageFrom(db, '>', 'asc'),
  };
}

export async function findByClientId(q: MessageQueries, db: Kysely<Schema>, authorId: string, roomId: string, clientId: string) {
  const { rows } = await q.byClientId(db, authorId, roomId, clientId);
  return rows[0] && toMessage(rows[0]);
}

/**
 * Takes the room's next seq under the room's row lock and stores the message, inside the caller's
 * transaction. Returns undefined when (author, room, clientId) already exists: the caller must then roll
 * back, which also returns the seq it took, so no gap is left.
 */
export async function insertWithNextSeq(q: MessageQueries, trx: Kysely<Schema>, message: NewMessage): Promise<Message | undefined> {
  const room = (await q.takeNextSeq(trx, message.roomId, message.createdAt)).rows[0];
  if (!room) throw new Error(`No room ${message.roomId} to append to`);
  const { id, roomId, author, text, clientId, createdAt } = message;
  const stored = await q.insertUnlessDuplicate(trx, id, roomId, room.last_seq, author.id, text, clientId, createdAt);
  if (stored.rows.length === 0) return undefined;
  return { id, roomId, seq: room.last_seq, author: { id: author.id, username: author.username }, text, clientId, createdAt };
}
