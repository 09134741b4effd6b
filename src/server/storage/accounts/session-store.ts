import type { NewSession, SessionStore } from '../../core/accounts/ports.js';
import type { Kysely } from 'kysely';
import { compileOnce } from '../compile-once.js';
import type { Database } from '../database.js';
import type { Schema } from '../schema.js';
import { toUser, userColumns } from './user-rows.js';

/**
 * Every request looks its session up, so last use is written at most once per this interval:
 * a write per request would cost an fsync per request on SQLite.
 */
const touchIntervalMs = 60_000;

/** Every request and every socket looks its session up; every sign-in stores one. */
function hotQueries(db: Kysely<Schema>) {
  return {
    insert: compileOnce(db, (db, tokenHash: string, userId: string, createdAt: string, expiresAt: string) =>
      db
        .insertInto('sessions')
        .values({ token_hash: tokenHash, user_id: userId, created_at: createdAt, last_used_at: createdAt, expires_at: expiresAt }),
    ),
    sessionUser: compileOnce(db, (db, tokenHash: string, now: string, createdAfter: string) =>
      db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([...userColumns, 'sessions.last_used_at', 'sessions.expires_at'])
        .where('sessions.token_hash', '=', tokenHash)
        .where('sessions.expires_at', '>', now)
        .where('sessions.created_at', '>', createdAfter),
    ),
  };
}

export function createSessionStore({ db, write }: Database): SessionStore {
  const q = hotQueries(db);
  return {
    async insertSession(session: NewSession) {
      await write((trx) => q.insert(trx, session.tokenHash, session.userId, session.createdAt, session.expiresAt));
    },

    async findSessionUser(tokenHash: string, now: string, createdAfter: string) {
      const row = (await q.sessionUser(db, tokenHash, now, createdAfter)).rows[0];
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

    async findLiveSessions(tokenHashes: readonly string[], now: string, createdAfter: string) {
      const live = new Set<string>();
      // Chunked: a process may hold tens of thousands of sockets, a statement only so many parameters.
      for (let i = 0; i < tokenHashes.length; i += 500) {
        const rows = await db
          .selectFrom('sessions')
          .select('token_hash')
          .where('token_hash', 'in', tokenHashes.slice(i, i + 500))
          .where('expires_at', '>', now)
          .where('created_at', '>', createdAfter)
          .execute();
        for (const row of rows) live.add(row.token_hash);
      }
      return live;
    },

    async purgeSessions(now: string, createdAfter: string) {
      const result = await write((trx) =>
        trx
          .deleteFrom('sessions')
          .where((eb) => eb.or([eb('expires_at', '<=', now), eb('created_at', '<=', createdAfter)]))
          .executeTakeFirst(),
      );
      return Number(result.numDeletedRows);
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
