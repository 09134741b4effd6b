import type { Kysely } from 'kysely';
import type { Message } from '../../contract/types.js';
import type { NewMessage } from '../core/ports.js';
import type { MessagesTable, Schema } from './schema.js';

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
export function selectMessages(db: Kysely<Schema>) {
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

export async function findByClientId(db: Kysely<Schema>, authorId: string, clientId: string) {
  const row = await selectMessages(db)
    .where('messages.author_id', '=', authorId)
    .where('messages.client_id', '=', clientId)
    .executeTakeFirst();
  return row && toMessage(row);
}

/**
 * Takes the room's next seq under the room's row lock and stores the message, inside the caller's
 * transaction. Returns undefined when (author, clientId) already exists: the caller must then roll
 * back, which also returns the seq it took, so no gap is left.
 */
export async function insertWithNextSeq(trx: Kysely<Schema>, message: NewMessage): Promise<Message | undefined> {
  const room = await trx
    .updateTable('rooms')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), last_activity_at: message.createdAt }))
    .where('id', '=', message.roomId)
    .returning('last_seq')
    .executeTakeFirst();
  if (!room) throw new Error(`No room ${message.roomId} to append to`);
  // DO NOTHING waits for a racing insert of the same key to commit or roll back, then decides.
  const stored = await trx
    .insertInto('messages')
    .values({
      id: message.id,
      room_id: message.roomId,
      seq: room.last_seq,
      author_id: message.author.id,
      text: message.text,
      client_id: message.clientId,
      created_at: message.createdAt,
    })
    .onConflict((oc) => oc.columns(['author_id', 'client_id']).doNothing())
    .returning('seq')
    .executeTakeFirst();
  if (!stored) return undefined;
  return {
    id: message.id,
    roomId: message.roomId,
    seq: room.last_seq,
    author: { id: message.author.id, username: message.author.username },
    text: message.text,
    clientId: message.clientId,
    createdAt: message.createdAt,
  };
}
