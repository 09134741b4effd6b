import type { Kysely } from 'kysely';
import type { NewMessage } from '../core/ports.js';
import { findByClientId, insertWithNextSeq, type AppendResult } from './message-rows.js';
import type { Schema } from './schema.js';

const duplicate = Symbol('duplicate');

/**
 * One transaction per message. Within this process a room's appends run one after another, so
 * they resolve in seq order; different rooms proceed in parallel over the pool. Across processes
 * the row lock on the room orders them.
 */
export function createPostgresAppender(db: Kysely<Schema>): (message: NewMessage) => Promise<AppendResult> {
  const tails = new Map<string, Promise<unknown>>();

  return (message) => {
    const previous = tails.get(message.roomId) ?? Promise.resolve();
    const result = previous.then(() => append(db, message));
    const tail = result.catch(() => undefined);
    tails.set(message.roomId, tail);
    void tail.then(() => {
      if (tails.get(message.roomId) === tail) tails.delete(message.roomId);
    });
    return result;
  };
}

async function append(db: Kysely<Schema>, message: NewMessage): Promise<AppendResult> {
  try {
    const stored = await db.transaction().execute(async (trx) => {
      const stored = await insertWithNextSeq(trx, message);
      if (!stored) throw duplicate;
      return stored;
    });
    return { message: stored, created: true };
  } catch (error) {
    if (error !== duplicate) throw error;
    const original = await findByClientId(db, message.author.id, message.clientId);
    if (!original) throw new Error(`Message ${message.clientId} conflicted but is not found`);
    return { message: original, created: false };
  }
}
