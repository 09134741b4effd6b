import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import type { Engine, Schema } from './schema.js';
import { cachingStatements, rawStatements } from './sqlite/statement-cache.js';
import { startCheckpointer } from './sqlite/checkpointer.js';
import { controlOf, createSqliteWriter, type Write } from './sqlite/write-batch.js';
import { fileFlush, sharedFlush } from './sqlite/wal-flush.js';

export type { Engine } from './schema.js';

export interface Database {
  db: Kysely<Schema>;
  engine: Engine;
  /**
   * Every write goes through here: `work` runs in a transaction (using only the `trx` it is given)
   * and the promise settles after the commit. On SQLite, writes arriving together share a commit.
   */
  write: Write;
  /**
   * A read outside any transaction whose rows come back as arrays, one value per selected column
   * in the select's order: for the widest hot reads (history pages), where making an object per
   * row is a large share of the cost.
   */
  readArrays(query: CompiledQuery): Promise<unknown[][]>;
  /** A trivial query: resolves when the database answers. */
  ping(): Promise<void>;
  /** Waits for the statement or transaction in flight, then closes every connection. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: the schema to use (created when missing), e.g. a throwaway one for a test. */
  schema?: string;
}

/** `sqlite:<path>` (`sqlite::memory:` for a private in-memory database) or `postgres://…`. */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const database = url.startsWith('sqlite:')
    ? openSqlite(url.slice('sqlite:'.length))
    : /^postgres(ql)?:\/\//.test(url)
      ? openPostgres(url, options.schema)
      : undefined;
  if (!database) throw new Error(`Unsupported DATABASE_URL ${JSON.stringify(url)}: use sqlite:<path> or postgres://…`);
  try {
    await migrate(database, options.schema);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function openSqlite(path: string): Database {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL: a commit is written to the WAL but not flushed to disk. The writer flushes the WAL itself,
  // off the event loop, before it settles a write (sqlite/write-batch.ts), so an acknowledged
  // message still survives a power cut; connections outside Hearth (the sqlite3 shell) flush nothing.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  const raw = rawStatements(sqlite);
  const checkpointer =
    file === ':memory:' ? undefined : startCheckpointer(file, { onFailure: () => sqlite.pragma('wal_autocheckpoint = 1000') });
  // About 40 MB of WAL: reached only if the checkpointer falls behind (sqlite/checkpointer.ts).
  if (checkpointer) sqlite.pragma('wal_autocheckpoint = 10000');
  const flushWal = checkpointer ? sharedFlush(fileFlush(`${file}-wal`)) : async () => undefined;
  return {
    db,
    engine: 'sqlite',
    write: createSqliteWriter(db, controlOf(sqlite), () => {
      checkpointer?.wrote();
      return flushWal();
    }),
    // Through Kysely's one connection, so that no write's transaction is open around the read.
    readArrays: (query) => db.connection().execute(async () => raw(query.sql).all(...query.parameters)),
    ping: () => ping(db),
    async close() {
      await checkpointer?.close();
      // The driver closes the file at once; taking its one connection first lets a batch commit.
      await db.connection().execute(async () => undefined);
      await db.destroy();
    },
  };
}

const { TIMESTAMPTZ, INT8 } = pg.types.builtins;
const parseTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ);

/** Our pool's own parsers: times come back as ISO strings and bigints (seq) as numbers. */
const types: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) => {
    if (oid === TIMESTAMPTZ) return (value: string) => (parseTimestamptz(value) as Date).toISOString();
    if (oid === INT8) return Number;
    return pg.types.getTypeParser(oid, format);
  },
};

function openPostgres(url: string, schema: string | undefined): Database {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`Invalid PostgreSQL schema name ${JSON.stringify(schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    types,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A dropped idle connection (server restart, failover) is discarded by the pool and replaced on
  // the next query; without a listener its 'error' event would crash the process.
  pool.on('error', () => undefined);
  // A connection that drops while checked out (between a transaction's statements, say) emits
  // 'error' on its client, which the pool listens to only while it is idle.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    write: (work) => db.transaction().execute(work),
    async readArrays(query) {
      const result = await pool.query<unknown[]>({ text: query.sql, values: [...query.parameters], rowMode: 'array' });
      return result.rows;
    },
    ping: () => ping(db),
    close: () => db.destroy(),
  };
}

async function ping(db: Kysely<Schema>): Promise<void> {
  await sql`select 1`.execute(db);
}

async function migrate(database: Database, schema: string | undefined): Promise<void> {
  if (database.engine === 'postgres' && schema) await database.db.schema.createSchema(schema).ifNotExists().execute();
  const migrator = new Migrator({
    db: database.db,
    provider: migrationProvider(database.engine),
    // Kysely looks for its own tables in every schema unless told which one is ours.
    ...(database.engine === 'postgres' ? { migrationTableSchema: schema ?? 'public' } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`Migration failed: ${String(error)}`);
}
