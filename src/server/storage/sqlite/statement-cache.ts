import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely prepares every statement anew, and compiling SQL is a large share of a small query's
 * cost. Parameters are bound, never inlined, so the same few query shapes recur: their prepared
 * statements are kept and reused. Bounded, so that rare shapes (an IN list of unusual length)
 * cannot pile up.
 */
export function cachingStatements(sqlite: SQLite.Database, capacity = 256): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => void sqlite.close(),
    prepare(sql) {
      const cached = cache.get(sql);
      // A statement still iterating a result (a stream) cannot start again: that caller gets a fresh one.
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(sql);
      if (!cached) {
        if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
