import { sql, type Kysely } from 'kysely';
import type { NewMessage } from '../core/ports.js';
import { findByClientId, insertWithNextSeq, type AppendResult } from './message-rows.js';
import type { Schema } from './schema.js';

/** Bounds the time one commit holds the writer, so a burst becomes several batches. */
const maxBatch = 500;

interface Pending {
  message: NewMessage;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/**
 * Appends queued during one turn of the event loop are written in one transaction, so
 * synchronous=FULL costs one fsync per batch rather than per message. Batches run one at a time
 * and settle in queue order after their commit, so one room's appends resolve in seq order.
 */
export function createSqliteAppender(db: Kysely<Schema>): (message: NewMessage) => Promise<AppendResult> {
  let queue: Pending[] = [];
  let scheduled = false;
  let writing = false;

  const schedule = () => {
    if (scheduled || writing || queue.length === 0) return;
    scheduled = true;
    setImmediate(() => void flush());
  };

  async function flush(): Promise<void> {
    scheduled = false;
    writing = true;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    try {
      const outcomes = await writeBatch(
        db,
        batch.map((pending) => pending.message),
      );
      batch.forEach((pending, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) pending.resolve(outcome.result);
        else pending.reject(outcome?.error ?? new Error('Append lost from its batch'));
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      writing = false;
      schedule();
    }
  }

  return (message) =>
    new Promise<AppendResult>((resolve, reject) => {
      queue.push({ message, resolve, reject });
      schedule();
    });
}

async function writeBatch(db: Kysely<Schema>, messages: NewMessage[]): Promise<Outcome[]> {
  return db.connection().execute(async (conn) => {
    // IMMEDIATE takes the write lock up front (waiting up to busy_timeout for another process).
    await sql`begin immediate`.execute(conn);
    try {
      const outcomes: Outcome[] = [];
      for (const message of messages) outcomes.push(await appendOne(conn, message));
      await sql`commit`.execute(conn);
      return outcomes;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

/** A savepoint per message, so one failing append neither fails its batch nor leaves a gap. */
async function appendOne(conn: Kysely<Schema>, message: NewMessage): Promise<Outcome> {
  await sql`savepoint append`.execute(conn);
  const undo = async () => {
    await sql`rollback to append`.execute(conn);
    await sql`release append`.execute(conn);
  };
  let stored;
  try {
    stored = await insertWithNextSeq(conn, message);
  } catch (error) {
    await undo();
    return { ok: false, error };
  }
  if (stored) {
    await sql`release append`.execute(conn);
    return { ok: true, result: { message: stored, created: true } };
  }
  await undo();
  const original = await findByClientId(conn, message.author.id, message.clientId);
  if (!original) return { ok: false, error: new Error(`Message ${message.clientId} conflicted but is not found`) };
  return { ok: true, result: { message: original, created: false } };
}
