import { sql, type Kysely } from 'kysely';
import type { Account, NewAccount, Registration, UserStore } from '../../core/accounts/ports.js';
import type { Database } from '../database.js';
import type { Schema, UsersTable } from '../schema.js';
import { nameKey } from '../name-key.js';
import { violatedUniqueKey } from '../unique-violation.js';
import { toUser, userColumns } from './user-rows.js';

type AccountQueries = Pick<
  UserStore,
  'findAccountById' | 'findAccountByLogin' | 'registerAccount' | 'setPasswordHash' | 'setEmail' | 'setKind' | 'listAccounts'
>;

const accountColumns = [...userColumns, 'users.email', 'users.password_hash'] as const;
type AccountRow = Pick<UsersTable, 'id' | 'username' | 'kind' | 'created_at' | 'email' | 'password_hash'>;
const toAccount = (row: AccountRow): Account => ({ user: toUser(row), email: row.email, passwordHash: row.password_hash });

function takenBy(error: unknown): 'username' | 'email' | undefined {
  const key = violatedUniqueKey(error);
  if (key === undefined) return undefined;
  return key.includes('email') ? 'email' : 'username';
}

export function createAccountQueries(database: Database): AccountQueries {
  const { db, write } = database;
  return {
    async findAccountById(id) {
      const row = await db.selectFrom('users').select(accountColumns).where('id', '=', id).executeTakeFirst();
      return row && toAccount(row);
    },

    async findAccountByLogin(login) {
      const key = login.trim().toLowerCase();
      const row = await db
        .selectFrom('users')
        .select(accountColumns)
        .where((eb) => eb.or([eb('username_key', '=', nameKey(login)), eb('email', '=', key)]))
        .orderBy(sql`case when email = ${key} then 0 else 1 end`)
        .executeTakeFirst();
      return row && toAccount(row);
    },

    async registerAccount(account: NewAccount): Promise<Registration> {
      try {
        return await write(async (trx) => {
          // Serialises registrations so that exactly one can be the first (admin) account.
          if (database.engine === 'postgres') await sql`lock table users in share row exclusive mode`.execute(trx);
          const kind = (await hasAccounts(trx)) ? 'member' : 'admin';
          const values = {
            username: account.username,
            username_key: nameKey(account.username),
            email: account.email,
            password_hash: account.passwordHash,
            kind,
          } as const;
          if (account.guestId) {
            const updated = await trx
              .updateTable('users')
              .set(values)
              .where('id', '=', account.guestId)
              .where('kind', '=', 'guest')
              .executeTakeFirst();
            if (Number(updated.numUpdatedRows) !== 1) throw new Error(`user ${account.guestId} is not a guest`);
          } else {
            await trx
              .insertInto('users')
              .values({ ...values, id: account.id, created_at: account.createdAt, last_seen_at: account.createdAt })
              .execute();
          }
          const row = await trx
            .selectFrom('users')
            .select(userColumns)
            .where('id', '=', account.guestId ?? account.id)
            .executeTakeFirstOrThrow();
          return { ok: true as const, user: toUser(row) };
        });
      } catch (error) {
        const taken = takenBy(error);
        if (taken) return { ok: false, taken };
        throw error;
      }
    },

    async setPasswordHash(userId, passwordHash) {
      await write((trx) => trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute());
    },

    async setEmail(userId, email) {
      try {
        await write((trx) => trx.updateTable('users').set({ email }).where('id', '=', userId).execute());
        return 'ok';
      } catch (error) {
        if (takenBy(error) === 'email') return 'taken';
        throw error;
      }
    },

    async setKind(userId, kind) {
      await write((trx) => trx.updateTable('users').set({ kind }).where('id', '=', userId).execute());
    },

    async listAccounts() {
      const rows = await db.selectFrom('users').select(accountColumns).orderBy('created_at').orderBy('id').execute();
      return rows.map(toAccount);
    },
  };
}

async function hasAccounts(db: Kysely<Schema>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('kind', '!=', 'guest').limit(1).executeTakeFirst();
  return row !== undefined;
}
