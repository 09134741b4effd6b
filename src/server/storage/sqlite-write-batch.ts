import { CompiledQuery, type Kysely } from 'kysely';
import type { Schema } from './schema.js';
import type { Flush } from './wal-flush.js';

/** Runs `work` in a transaction and resolves with its result once that transaction has committed. */
export type Write = <T>(work: (trx: Kysely<Schema>) => Promise<T>) => Promise<T>;

/** Bounds the time one commit holds the writer, so a burst becomes several batches. */
const maxBatch = 500;

interface Pending {
  work(trx: Kysely<Schema>): Promise<unknown>;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

// Compiled once: they run several times per write.
const statements = {
  begin: CompiledQuery.raw('begin immediate'),
  commit: CompiledQuery.raw('commit'),
  rollback: CompiledQuery.raw('rollback'),
  savepoint: CompiledQuery.raw('savepoint write'),
  release: CompiledQuery.raw('release write'),
  rollbackToSavepoint: CompiledQuery.raw('rollback to write'),
};

type Outcome = { ok: true; result: unknown } | { ok: false; error: unknown };

/**
 * SQLite has one writer. Writes queued during one turn of the event loop share one transaction, so
 * a burst of messages, sign-ins or joins costs one commit rather than one each. Each write runs in
 * its own savepoint: one that fails is undone alone and fails alone.
 *
 * A write settles only once its commit is on disk: the database runs with synchronous=NORMAL (a
 * commit is written to the WAL, not flushed) and `flushWal` flushes the WAL in the thread pool.
 * Meanwhile the event loop goes on and the next batch commits; one flush covers every batch
 * committed before it started. Batches settle in queue order, so one room's appends resolve in seq
 * order.
 *
 * `work` must use only the `trx` it is given: the database has one connection, held by the batch.
 */
export function createSqliteWriter(db: Kysely<Schema>, flushWal: Flush): Write {
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
    let outcomes: Outcome[];
    try {
      outcomes = await commitBatch(db, batch);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    } finally {
      writing = false;
      schedule();
    }
    // Even a batch that only failed waits: a duplicate it found may be a commit still being flushed.
    const flushError = await flushWal().then(
      () => undefined,
      (error: unknown) => error ?? new Error('Flushing the WAL failed'),
    );
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (flushError !== undefined) pending.reject(flushError);
      else if (outcome?.ok) pending.resolve(outcome.result);
      else pending.reject(outcome?.error ?? new Error('Write lost from its batch'));
    });
  }

  return <T>(work: (trx: Kysely<Schema>) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (result: unknown) => void, reject });
      schedule();
    });
}

async function commitBatch(db: Kysely<Schema>, batch: Pending[]): Promise<Outcome[]> {
  return db.connection().execute(async (conn) => {
    // IMMEDIATE takes the write lock up front (waiting up to busy_timeout for another process).
    await conn.executeQuery(statements.begin);
    try {
      const outcomes = batch.length === 1 ? [await runAlone(conn, batch[0]!)] : await runEach(conn, batch);
      if (outcomes.every((outcome) => !outcome.ok)) {
        await conn.executeQuery(statements.rollback);
        return outcomes;
      }
      await conn.executeQuery(statements.commit);
      return outcomes;
    } catch (error) {
      await conn.executeQuery(statements.rollback).catch(() => undefined);
      throw error;
    }
  });
}

/** A batch of one needs no savepoint: if it fails, the whole transaction is rolled back. */
async function runAlone(conn: Kysely<Schema>, pending: Pending): Promise<Outcome> {
  try {
    return { ok: true, result: await pending.work(conn) };
  } catch (error) {
    return { ok: false, error };
  }
}

async function runEach(conn: Kysely<Schema>, batch: Pending[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const pending of batch) {
    await conn.executeQuery(statements.savepoint);
    try {
      outcomes.push({ ok: true, result: await pending.work(conn) });
      await conn.executeQuery(statements.release);
    } catch (error) {
      outcomes.push({ ok: false, error });
      await conn.executeQuery(statements.rollbackToSavepoint);
      await conn.executeQuery(statements.release);
    }
  }
  return outcomes;
}
