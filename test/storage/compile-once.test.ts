import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { compileOnce } from '../../src/server/storage/compile-once.js';
import type { Schema } from '../../src/server/storage/schema.js';

describe('compileOnce', () => {
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
  afterAll(() => db.destroy());

  it('binds each call’s values in their places, keeping the query’s own constants', async () => {
    await sql`create table rooms (id text primary key, name text, last_seq integer)`.execute(db);
    await sql`insert into rooms values ('a', 'Alpha', 1), ('b', 'Beta', 5), ('c', 'Gamma', 9)`.execute(db);
    const between = compileOnce(db, (db, low: number, high: number) =>
      db
        .selectFrom('rooms')
        .select('name')
        .where('last_seq', '>=', low)
        .where('last_seq', '<=', high)
        .where('name', '!=', 'Gamma')
        .orderBy('id'),
    );
    expect((await between(db, 1, 9)).rows).toEqual([{ name: 'Alpha' }, { name: 'Beta' }]);
    expect((await between(db, 2, 9)).rows).toEqual([{ name: 'Beta' }]);
    expect((await between(db, 6, 7)).rows).toEqual([]);
  });

  it('refuses a query where an argument does not reach the SQL as a parameter', () => {
    expect(() => compileOnce(db, (db, name: string) => db.selectFrom('rooms').select('id').where('name', '=', name.toUpperCase()))).toThrow(
      /argument 0/,
    );
  });
});
