import type { Kysely } from 'kysely';
import type { NewResetToken, ResetTokenStore } from '../core/ports.js';
import type { Schema } from './schema.js';

export function createResetTokenStore(db: Kysely<Schema>): ResetTokenStore {
  return {
    async insertResetToken(token: NewResetToken) {
      await db
        .insertInto('password_resets')
        .values({ token_hash: token.tokenHash, user_id: token.userId, created_at: token.createdAt, expires_at: token.expiresAt })
        .execute();
    },

    // One conditional UPDATE: the row lock (PostgreSQL) or the single writer (SQLite) lets exactly
    // one of two concurrent uses see used_at still empty.
    async consumeResetToken(tokenHash: string, now: string) {
      const row = await db
        .updateTable('password_resets')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('user_id')
        .executeTakeFirst();
      return row?.user_id;
    },
  };
}
