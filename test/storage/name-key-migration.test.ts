import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import * as m001 from '../../src/server/storage/migrations/001-initial.js';
import * as m002 from '../../src/server/storage/migrations/002-password-resets.js';
import { openDatabase, type Engine } from '../../src/server/storage/database.js';
import { createStores } from '../../src/server/storage/stores.js';
import { dropSchema, postgresUnavailable, testDatabaseUrl, throwawaySchemaName } from '../support/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-migration-'));
const schemas: string[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const schema of schemas) await dropSchema(schema);
});
const pgUnavailable = await postgresUnavailable();

/** A database as the release before this one left it: migrations 001 and 002 only. */
async function releasedDatabase(engine: Engine): Promise<{ db: Kysely<unknown>; url: string; schema?: string }> {
  if (engine === 'sqlite') {
    const file = join(dir, `before-${Date.now()}.db`);
    return { db: new Kysely({ dialect: new SqliteDialect({ database: new SQLite(file) }) }), url: `sqlite:${file}` };
  }
  const schema = throwawaySchemaName('names');
  schemas.push(schema);
  const setup = new pg.Client({ connectionString: testDatabaseUrl });
  await setup.connect();
  await setup.query(`create schema ${schema}`);
  await setup.end();
  const pool = new pg.Pool({ connectionString: testDatabaseUrl, options: `-c search_path=${schema}` });
  return { db: new Kysely({ dialect: new PostgresDialect({ pool }) }), url: testDatabaseUrl, schema };
}

async function migrateUpTo002(db: Kysely<unknown>, engine: Engine, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: {
      getMigrations: async () => ({
        '001-initial': { up: (d) => m001.up(d, engine) },
        '002-password-resets': { up: (d) => m002.up(d, engine) },
      }),
    },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

describe.each([['sqlite' as const], ['postgres' as const]])(
  'migrations 003 and 004 on %s: names keyed by how they look, clientIds per room',
  (engine) => {
    it.skipIf(engine === 'postgres' && pgUnavailable !== undefined)(
      're-keys every name; look-alikes that existed both stay; new ones are refused',
      async () => {
        const before = await releasedDatabase(engine);
        await migrateUpTo002(before.db, engine, before.schema);
        const at = '2026-01-01T00:00:00.000Z';
        const later = '2026-02-01T00:00:00.000Z';
        const user = (id: string, username: string, createdAt: string) =>
          sql`insert into users (id, username, username_key, kind, created_at, last_seen_at) values (${id}, ${username}, ${username.toLowerCase()}, 'guest', ${createdAt}, ${createdAt})`.execute(
            before.db,
          );
        await user('u1', 'bob', at);
        await user('u2', 'b0b', later);
        await user('u3', 'Zoe', at);
        await sql`insert into rooms (id, name, name_key, topic, visibility, code, owner_id, member_count, last_seq, created_at, last_activity_at)
      values ('r1', 'Lobby', 'lobby', '', 'public', 'AAAAAAAA', 'u1', 1, 0, ${at}, ${at}),
             ('r2', 'L0bby', 'l0bby', '', 'public', 'BBBBBBBB', 'u1', 1, 0, ${later}, ${later})`.execute(before.db);
        await sql`insert into messages (id, room_id, seq, author_id, text, client_id, created_at) values ('m1', 'r1', 1, 'u1', 'kept', 'c1', ${at})`.execute(
          before.db,
        );
        await sql`update rooms set last_seq = 1 where id = 'r1'`.execute(before.db);
        await before.db.destroy();

        const database = await openDatabase(before.url, before.schema ? { schema: before.schema } : {});
        try {
          const stores = createStores(database);
          expect((await stores.users.findUserByName('BOB'))?.id).toBe('u1');
          expect((await stores.users.findUserById('u2'))?.username).toBe('b0b');
          const ann = { kind: 'guest' as const, createdAt: at };
          expect(await stores.users.insertUser({ id: 'u4', username: 'B0B', ...ann })).toBe('taken');
          expect(await stores.users.insertUser({ id: 'u5', username: 'Ｚｏｅ', ...ann })).toBe('taken');
          expect(await stores.users.insertUser({ id: 'u6', username: 'Zoë', ...ann })).toBe('ok');
          expect((await stores.rooms.findPublicRoomByName('LOBBY'))?.id).toBe('r1');
          expect((await stores.rooms.findRoomById('r2'))?.name).toBe('L0bby');
          // 004: messages survive the new (author, room, clientId) key, which lets c1 into another room.
          expect((await stores.messages.pageMessages('r1', { limit: 10 })).messages.map((m) => m.text)).toEqual(['kept']);
          const elsewhere = {
            id: 'm2',
            roomId: 'r2',
            author: { id: 'u1', username: 'bob' },
            text: 'new',
            clientId: 'c1',
            createdAt: later,
          };
          expect((await stores.messages.appendMessage(elsewhere)).created).toBe(true);
          expect((await stores.messages.appendMessage({ ...elsewhere, id: 'm3', roomId: 'r1' })).created).toBe(false);
        } finally {
          await database.close();
        }
      },
    );
  },
);
