import type { UserKind } from '../../../contract/types.js';
import { sql } from 'kysely';
import { compileOnce } from '../compile-once.js';
import type { NewUser, UserStore } from '../../core/accounts/ports.js';
import { createAccountQueries } from './account-queries.js';
import type { Database } from '../database.js';
import { removeIdleGuests } from './guest-cleanup.js';
import { nameKey } from '../name-key.js';
import { toUser, userColumns } from './user-rows.js';
import { violatedUniqueKey } from '../unique-violation.js';

export function createUserStore(database: Database): UserStore {
  const { db, write } = database;
  // One query whatever the number of ids, so that it compiles once (compile-once.ts): a JSON array
  // on SQLite, an array parameter on PostgreSQL. Every room:join reads the users online in it.
  const usersByIds = compileOnce(db, (db, ids: string | string[]) =>
    db
      .selectFrom('users')
      .select(userColumns)
      .where(
        database.engine === 'postgres'
          ? sql<boolean>`users.id = any(${ids}::text[])`
          : sql<boolean>`users.id in (select value from json_each(${ids}))`,
      ),
  );
  // Every guest arrival inserts one (compile-once.ts).
  const insertUser = compileOnce(db, (db, id: string, username: string, usernameKey: string, kind: UserKind, createdAt: string) =>
    db.insertInto('users').values({ id, username, username_key: usernameKey, kind, created_at: createdAt, last_seen_at: createdAt }),
  );
  return {
    ...createAccountQueries(database),
    removeIdleGuests: (seenBefore) => removeIdleGuests(database, seenBefore),

    async insertUser(user: NewUser) {
      try {
        await write((trx) => insertUser(trx, user.id, user.username, nameKey(user.username), user.kind, user.createdAt));
        return 'ok';
      } catch (error) {
        if (violatedUniqueKey(error)?.includes('username_key')) return 'taken';
        throw error;
      }
    },

    async setAvatar(userId, version) {
      return database.write(async (trx) => {
        const before = await trx.selectFrom('users').select('avatar').where('id', '=', userId).executeTakeFirst();
        await trx.updateTable('users').set({ avatar: version }).where('id', '=', userId).execute();
        return before?.avatar ?? null;
      });
    },

    async findUserById(id: string) {
      const row = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },

    async findUserByName(username: string) {
      const row = await db.selectFrom('users').select(userColumns).where('username_key', '=', nameKey(username)).executeTakeFirst();
      return row && toUser(row);
    },

    async searchUsers(prefix: string, limit: number) {
      // LIKE's own wildcards and escape are dropped from what was typed: they match nothing in a name.
      const key = nameKey(prefix).replace(/[%_\\]/g, '');
      if (key === '') return [];
      const rows = await db
        .selectFrom('users')
        .select(userColumns)
        .where('username_key', 'like', `${key}%`)
        .orderBy('username_key')
        .limit(limit)
        .execute();
      return rows.map(toUser);
    },

    /** In the order asked, unknown ids left out. */
    async findUsersByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const unique = [...new Set(ids)];
      const { rows } = await usersByIds(db, database.engine === 'postgres' ? unique : JSON.stringify(unique));
      const byId = new Map(rows.map((row) => [row.id, toUser(row)]));
      return unique.flatMap((id) => byId.get(id) ?? []);
    },
  };
}
