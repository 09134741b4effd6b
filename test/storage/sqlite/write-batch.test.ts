import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Schema } from '../../../src/server/storage/schema.js';
import { cachingStatements } from '../../../src/server/storage/sqlite/statement-cache.js';
import { controlOf, createSqliteWriter, type TransactionControl, type Write } from '../../../src/server/storage/sqlite/write-batch.js';

// A bare table is enough: the writer does not care what it writes.
type Db = Kysely<Schema & { notes: { id: number; text: string } }>;

describe('SQLite write batches', () => {
  const countingCommits = (control: TransactionControl): TransactionControl => ({
    run(statement) {
      control.run(statement);
      if (statement === 'commit') commits++;
    },
  });
  let sqlite: SQLite.Database;
  let db: Db;
  let write: Write;
  let commits = 0;
  let flushes = 0;
  // The WAL flush, held back by a test that wants to see what waits for it.
  let flushGate: Promise<void> = Promise.resolve();

  beforeEach(async () => {
    sqlite = new SQLite(':memory:');
    commits = 0;
    flushes = 0;
    flushGate = Promise.resolve();
    db = new Kysely({
      dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
    });
    await sql`create table notes (id integer primary key, text text not null unique)`.execute(db);
    const flush = async () => {
      flushes++;
      await flushGate;
    };
    write = createSqliteWriter(db as unknown as Kysely<Schema>, countingCommits(controlOf(sqlite)), flush); // the writer is typed for Hearth's schema
  });
  afterEach(async () => db.destroy());

  const insert = (id: number, text: string) => write((trx) => (trx as unknown as Db).insertInto('notes').values({ id, text }).execute());
  const texts = async () => (await db.selectFrom('notes').select('text').orderBy('id').execute()).map((r) => r.text);

  it('commits writes that arrive together once, and settles them in the order they were queued', async () => {
    const settled: number[] = [];
    await Promise.all(Array.from({ length: 50 }, (_, i) => insert(i + 1, `n${i + 1}`).then(() => settled.push(i + 1))));
    expect(commits).toBe(1);
    expect(settled).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await texts()).length).toBe(50);
  });

  it('fails only the write that failed, undoing all of it, and keeps the rest of its batch', async () => {
    const halfDone = write(async (trx) => {
      await (trx as unknown as Db).insertInto('notes').values({ id: 100, text: 'half' }).execute();
      throw new Error('changed its mind');
    });
    const results = await Promise.allSettled([insert(1, 'a'), insert(2, 'a'), halfDone, insert(3, 'c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(await texts()).toEqual(['a', 'c']);
    expect(commits).toBe(1);
  });

  it('rolls back a lone write that fails, without a commit', async () => {
    await expect(
      write(async (trx) => {
        await (trx as unknown as Db).insertInto('notes').values({ id: 1, text: 'lone' }).execute();
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await texts()).toEqual([]);
    expect(commits).toBe(0);
    await insert(2, 'next');
    expect(await texts()).toEqual(['next']);
  });

  it('settles a write only after the WAL flush that follows its commit, and fails it if that flush fails', async () => {
    let open!: () => void;
    flushGate = new Promise<void>((resolve) => (open = resolve));
    let settled = false;
    const pending = insert(1, 'durable').then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(commits).toBe(1);
    expect(flushes).toBe(1);
    expect(settled).toBe(false);
    open();
    await pending;
    expect(settled).toBe(true);

    flushGate = Promise.reject(new Error('EIO'));
    flushGate.catch(() => undefined);
    await expect(insert(2, 'lost?')).rejects.toThrow('EIO');
  });

  it('caps a batch, so a burst commits in several', async () => {
    await Promise.all(Array.from({ length: 1200 }, (_, i) => insert(i + 1, `n${i + 1}`)));
    expect(commits).toBe(3);
  });
});

describe('SQLite statement cache', () => {
  it('reuses a prepared statement, evicts the oldest past capacity, and never hands out a busy one', () => {
    const sqlite = new SQLite(':memory:');
    const cache = cachingStatements(sqlite, 2);
    const one = cache.prepare('select 1');
    expect(cache.prepare('select 1')).toBe(one);
    cache.prepare('select 2');
    cache.prepare('select 3');
    expect(cache.prepare('select 1')).not.toBe(one);

    const rows = cache.prepare("select value from json_each('[1,2,3]')");
    const iterating = rows.iterate([]);
    iterating.next();
    const other = cache.prepare("select value from json_each('[1,2,3]')");
    expect(other).not.toBe(rows);
    expect(other.all([])).toHaveLength(3);
    iterating.return?.();
    cache.close();
  });
});
