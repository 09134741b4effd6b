import type { NewSession, SessionStore } from '../core/ports.js';
import type { Database } from './database.js';
import { toUser, userColumns } from './user-rows.js';

/**
 * Every request looks its session up, so last use is written at most once per this interval:
 * a write per request would cost an fsync per request on SQLite.
 */
const touchIntervalMs = 60_000;

export function createSessionStore({ db, write }: Database): SessionStore {
  return {
    async insertSession(session: NewSession) {
      await write((trx) =>
        trx
          .insertInto('sessions')
          .values({
            token_hash: session.tokenHash,
            user_id: session.userId,
            created_at: session.createdAt,
            last_used_at: session.createdAt,
            expires_at: session.expiresAt,
          })
          .execute(),
      );
    },

    async findSessionUser(tokenHash: string, now: string) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([...userColumns, 'sessions.last_used_at', 'sessions.expires_at'])
        .where('sessions.token_hash', '=', tokenHash)
        .where('sessions.expires_at', '>', now)
        .executeTakeFirst();
      if (!row) return undefined;
      if (Date.parse(now) - Date.parse(row.last_used_at) >= touchIntervalMs) {
        // Sliding expiry: each use pushes the end out by the session's original lifetime. Both
        // columns move together, so their gap stays that lifetime (created_at to expires_at grows).
        const lifetimeMs = Date.parse(row.expires_at) - Date.parse(row.last_used_at);
        const expiresAt = new Date(Date.parse(now) + lifetimeMs).toISOString();
        await write(async (trx) => {
          await trx.updateTable('sessions').set({ last_used_at: now, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
          await trx.updateTable('users').set({ last_seen_at: now }).where('id', '=', row.id).execute();
        });
      }
      return toUser(row);
    },

    async deleteSession(tokenHash: string) {
      await write((trx) => trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute());
    },

    async deleteSessionsOfUser(userId: string, keepTokenHash?: string) {
      const rows = await write((trx) => {
        let query = trx.deleteFrom('sessions').where('user_id', '=', userId);
        if (keepTokenHash) query = query.where('token_hash', '!=', keepTokenHash);
        return query.returning('token_hash').execute();
      });
      return rows.map((row) => row.token_hash);
    },
  };
}
