import type { Kysely } from 'kysely';
import type { User } from '../../contract/types.js';
import type { NewUser, UserStore } from '../core/ports.js';
import type { Schema, UsersTable } from './schema.js';
import { violatedUniqueKey } from './unique-violation.js';

export const userColumns = ['users.id', 'users.username', 'users.kind', 'users.created_at'] as const;

export function toUser(row: Pick<UsersTable, 'id' | 'username' | 'kind' | 'created_at'>): User {
  return { id: row.id, username: row.username, kind: row.kind, createdAt: row.created_at };
}

export function createUserStore(db: Kysely<Schema>): UserStore {
  return {
    async insertUser(user: NewUser) {
      try {
        await db
          .insertInto('users')
          .values({
            id: user.id,
            username: user.username,
            username_key: user.username.toLowerCase(),
            kind: user.kind,
            created_at: user.createdAt,
            last_seen_at: user.createdAt,
          })
          .execute();
        return 'ok';
      } catch (error) {
        if (violatedUniqueKey(error)?.includes('username_key')) return 'taken';
        throw error;
      }
    },

    async findUserById(id: string) {
      const row = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },

    /** In the order asked, unknown ids left out. */
    async findUsersByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('users')
        .select(userColumns)
        .where('id', 'in', [...new Set(ids)])
        .execute();
      const byId = new Map(rows.map((row) => [row.id, toUser(row)]));
      return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
    },
  };
}
