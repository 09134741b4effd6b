import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.js';
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

/**
 * The transaction's own statements, run straight on the connection the batch holds: through
 * Kysely's executor, a savepoint and its release cost more than the message they surround.
 */
export interface TransactionControl {
  run(statement: 'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackToSavepoint'): void;
}

const controlSql = {
  // IMMEDIATE takes the write lock up front (waiting up to busy_timeout for another process).
  begin: 'begin immediate',
  commit: 'commit',
  rollback: 'rollback',
  savepoint: 'savepoint write',
  release: 'release write',
  rollbackToSavepoint: 'rollback to write',
} as const;

/** Prepared once on the better-sqlite3 handle under Kysely's single connection. */
export function controlOf(sqlite: SQLite.Database): TransactionControl {
  const prepared = new Map(Object.entries(controlSql).map(([name, sql]) => [name, sqlite.prepare(sql)]));
  return { run: (statement) => void prepared.get(statement)!.run() };
}

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
export function createSqliteWriter(db: Kysely<Schema>, control: TransactionControl, flushWal: Flush): Write {
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
      outcomes = await commitBatch(db, control, batch);
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

async function commitBatch(db: Kysely<Schema>, control: TransactionControl, batch: Pending[]): Promise<Outcome[]> {
  return db.connection().execute(async (conn) => {
    control.run('begin');
    try {
      const outcomes = batch.length === 1 ? [await runAlone(conn, batch[0]!)] : await runEach(conn, control, batch);
      control.run(outcomes.some((outcome) => outcome.ok) ? 'commit' : 'rollback');
      return outcomes;
    } catch (error) {
      try {
        control.run('rollback');
      } catch {
        // Already rolled back (SQLite ends a transaction on some errors): the first error is the news.
      }
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

async function runEach(conn: Kysely<Schema>, control: TransactionControl, batch: Pending[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const pending of batch) {
    control.run('savepoint');
    try {
      outcomes.push({ ok: true, result: await pending.work(conn) });
      control.run('release');
    } catch (error) {
      outcomes.push({ ok: false, error });
      control.run('rollbackToSavepoint');
      control.run('release');
    }
  }
  return outcomes;
}
