import { describe, expect, it } from 'vitest';
import { range, type Fixture } from './fixture.js';

const minute = 60_000;
const hour = 3_600_000;
const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export function accountSessionContract(f: Fixture): void {
  async function session(userId: string, createdAt = f.now(), ttlMs = hour): Promise<string> {
    const tokenHash = f.unique('hash');
    await f.stores.sessions.insertSession({ tokenHash, userId, createdAt, expiresAt: later(createdAt, ttlMs) });
    return tokenHash;
  }

  async function expiresAt(tokenHash: string): Promise<string | undefined> {
    const row = await f.database.db.selectFrom('sessions').select('expires_at').where('token_hash', '=', tokenHash).executeTakeFirst();
    return row?.expires_at;
  }

  describe('deleteSessionsOfUser', () => {
    it('ends every session of the user but the kept one, returns the ended hashes, and leaves other users alone', async () => {
      const [user, other] = [await f.user(), await f.user()];
      const now = f.now();
      const [first, kept, third] = [await session(user.id, now), await session(user.id, now), await session(user.id, now)];
      const others = await session(other.id, now);

      expect((await f.stores.sessions.deleteSessionsOfUser(user.id, kept)).sort()).toEqual([first, third].sort());
      expect(await f.stores.sessions.findSessionUser(first, now)).toBeUndefined();
      expect(await f.stores.sessions.findSessionUser(third, now)).toBeUndefined();
      expect(await f.stores.sessions.findSessionUser(kept, now)).toMatchObject({ id: user.id });
      expect(await f.stores.sessions.findSessionUser(others, now)).toMatchObject({ id: other.id });
    });

    it('without a kept session ends them all; with none left it returns nothing', async () => {
      const [user, other] = [await f.user(), await f.user()];
      const now = f.now();
      const hashes = [await session(user.id, now), await session(user.id, now)];
      const others = await session(other.id, now);
      expect((await f.stores.sessions.deleteSessionsOfUser(user.id)).sort()).toEqual(hashes.sort());
      expect(await f.stores.sessions.deleteSessionsOfUser(user.id)).toEqual([]);
      expect(await f.stores.sessions.findSessionUser(others, now)).toMatchObject({ id: other.id });
    });
  });

  describe('sliding session expiry', () => {
    it('a use after the touch interval pushes the expiry out to that use plus the original lifetime', async () => {
      const user = await f.user();
      const createdAt = f.now();
      const tokenHash = await session(user.id, createdAt, hour);
      expect(await f.stores.sessions.findSessionUser(tokenHash, later(createdAt, 30_000))).toMatchObject({ id: user.id });
      expect(await expiresAt(tokenHash)).toBe(later(createdAt, hour));

      const used = later(createdAt, 90_000);
      expect(await f.stores.sessions.findSessionUser(tokenHash, used)).toMatchObject({ id: user.id });
      expect(await expiresAt(tokenHash)).toBe(later(used, hour));
      expect(await f.stores.sessions.findSessionUser(tokenHash, later(createdAt, hour + minute))).toMatchObject({ id: user.id });
    });

    it('every later use pushes the expiry out by the original lifetime, never more', async () => {
      const user = await f.user();
      const createdAt = f.now();
      const tokenHash = await session(user.id, createdAt, hour);
      for (const minutes of [2, 4, 30]) {
        const used = later(createdAt, minutes * minute);
        expect(await f.stores.sessions.findSessionUser(tokenHash, used)).toMatchObject({ id: user.id });
        expect(await expiresAt(tokenHash)).toBe(later(used, hour));
      }
      expect(await f.stores.sessions.findSessionUser(tokenHash, later(createdAt, 30 * minute + hour))).toBeUndefined();
    });

    it('an expired session is not found, and looking it up does not revive it', async () => {
      const user = await f.user();
      const createdAt = f.now();
      const tokenHash = await session(user.id, createdAt, hour);
      expect(await f.stores.sessions.findSessionUser(tokenHash, later(createdAt, hour + minute))).toBeUndefined();
      expect(await expiresAt(tokenHash)).toBe(later(createdAt, hour));
      expect(await f.stores.sessions.findSessionUser(tokenHash, later(createdAt, hour - 1))).toMatchObject({ id: user.id });
    });
  });

  describe('reset tokens', () => {
    async function resetToken(userId: string, createdAt = f.now(), ttlMs = hour): Promise<string> {
      const tokenHash = f.unique('reset');
      await f.stores.resetTokens.insertResetToken({ tokenHash, userId, createdAt, expiresAt: later(createdAt, ttlMs) });
      return tokenHash;
    }

    it('consumeResetToken returns the user once; a second use answers undefined', async () => {
      const member = await f.account();
      const createdAt = f.now();
      const tokenHash = await resetToken(member.id, createdAt);
      expect(await f.stores.resetTokens.consumeResetToken(tokenHash, later(createdAt, minute))).toBe(member.id);
      expect(await f.stores.resetTokens.consumeResetToken(tokenHash, later(createdAt, 2 * minute))).toBeUndefined();
    });

    it('an expired or unknown token answers undefined', async () => {
      const member = await f.account();
      const createdAt = f.now();
      const tokenHash = await resetToken(member.id, createdAt, hour);
      expect(await f.stores.resetTokens.consumeResetToken(tokenHash, later(createdAt, hour))).toBeUndefined();
      expect(await f.stores.resetTokens.consumeResetToken(tokenHash, later(createdAt, 2 * hour))).toBeUndefined();
      expect(await f.stores.resetTokens.consumeResetToken('no-such-token', createdAt)).toBeUndefined();
    });

    it('of 10 concurrent uses of one token exactly one gets its user', async () => {
      const member = await f.account();
      const createdAt = f.now();
      const tokenHash = await resetToken(member.id, createdAt);
      const now = later(createdAt, minute);
      const results = await Promise.all(range(1, 10).map(() => f.stores.resetTokens.consumeResetToken(tokenHash, now)));
      expect(results.filter((userId) => userId !== undefined)).toEqual([member.id]);
    });
  });
}
