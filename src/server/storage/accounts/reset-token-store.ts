import type { NewResetToken, ResetTokenStore } from '../../core/accounts/ports.js';
import type { Database } from '../database.js';

export function createResetTokenStore({ db, write }: Database): ResetTokenStore {
  return {
    async insertResetToken(token: NewResetToken) {
      await write((trx) =>
        trx
          .insertInto('password_resets')
          .values({ token_hash: token.tokenHash, user_id: token.userId, created_at: token.createdAt, expires_at: token.expiresAt })
          .execute(),
      );
    },

    async findResetTokenUser(tokenHash: string, now: string) {
      const row = await db
        .selectFrom('password_resets')
        .select('user_id')
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row?.user_id;
    },

    async deleteResetTokensOfUser(userId: string) {
      await write((trx) => trx.deleteFrom('password_resets').where('user_id', '=', userId).execute());
    },

    async purgeResetTokens(now: string) {
      const result = await write((trx) =>
        trx
          .deleteFrom('password_resets')
          .where((eb) => eb.or([eb('expires_at', '<=', now), eb('used_at', 'is not', null)]))
          .executeTakeFirst(),
      );
      return Number(result.numDeletedRows);
    },

    // One conditional UPDATE: the row lock (PostgreSQL) or the single writer (SQLite) lets exactly
    // one of two concurrent uses see used_at still empty.
    async consumeResetToken(tokenHash: string, now: string) {
      const row = await write((trx) =>
        trx
          .updateTable('password_resets')
          .set({ used_at: now })
          .where('token_hash', '=', tokenHash)
          .where('used_at', 'is', null)
          .where('expires_at', '>', now)
          .returning('user_id')
          .executeTakeFirst(),
      );
      return row?.user_id;
    },
  };
}
