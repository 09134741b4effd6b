import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely prepares every statement anew, and compiling SQL is a large share of a small query's
 * cost. Parameters are bound, never inlined, so the same few query shapes recur: their prepared
 * statements are kept and reused. Bounded, so that rare shapes (an IN list of unusual length)
 * cannot pile up.
 */
export function cachingStatements(sqlite: SQLite.Database, capacity = 256): SqliteDatabase {
  const prepare = statementCache((sql) => sqlite.prepare(sql), capacity);
  return { close: () => void sqlite.close(), prepare };
}

/**
 * Statements that return each row as an array of its columns: building an object per row, with a
 * property per column, is most of what a wide page costs the driver. Kept apart from Kysely's,
 * since raw mode is a setting of the statement.
 */
export const rawStatements = (sqlite: SQLite.Database, capacity = 32): ((sql: string) => SQLite.Statement<unknown[], unknown[]>) =>
  statementCache((sql) => sqlite.prepare<unknown[], unknown[]>(sql).raw(true), capacity);

function statementCache<S extends { busy: boolean }>(prepare: (sql: string) => S, capacity: number): (sql: string) => S {
  const cache = new Map<string, S>();
  return (sql) => {
    const cached = cache.get(sql);
    // A statement still iterating a result (a stream) cannot start again: that caller gets a fresh one.
    if (cached && !cached.busy) return cached;
    const statement = prepare(sql);
    if (!cached) {
      if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
    }
    return statement;
  };
}
