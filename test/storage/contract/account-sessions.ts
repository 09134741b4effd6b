import { describe, expect, it } from 'vitest';
import { range, type Fixture } from './fixture.js';

const minute = 60_000;
const hour = 3_600_000;
const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
/** A lifetime cut-off before any session here was made: only the sliding expiry applies. */
const longAgo = '1970-01-01T00:00:00.000Z';

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
      expect(await f.stores.sessions.findSessionUser(first, now, longAgo)).toBeUndefined();
      expect(await f.stores.sessions.findSessionUser(third, now, longAgo)).toBeUndefined();
      expect(await f.stores.sessions.findSessionUser(kept, now, longAgo)).toMatchObject({ id: user.id });
      expect(await f.stores.sessions.findSessionUser(others, now, longAgo)).toMatchObject({ id: other.id });
    });

    it('without a kept session ends them all; with none left it returns nothing', async () => {
      const [user, other] = [await f.user(), await f.user()];
      const now = f.now();
      const hashes = [await session(user.id, now), await session(user.id, now)];
      const others = await session(other.id, now);
      expect((await f.stores.sessions.deleteSessionsOfUser(user.id)).sort()).toEqual(hashes.sort());
      expect(await f.stores.sessions.deleteSessionsOfUser(user.id)).toEqual([]);
      expect(await f.stores.sessions.findSessionUser(others, now, longAgo)).toMatchObject({ id: other.id });
    });
  });

  describe('sliding session expiry', () => {
    it('a use after the touch interval pushes the expiry out to that use plus the original lifetime', async () => {
      const user = await f.user();
      const createdAt = f.now();
      const tokenHash = await session(user.id, createdAt, hour);
      expect(await f.stores.sessions.findSessionUser(tokenHash, later(createdAt, 30_000), longAgo)).toMatchObject({ id: user.id });
      expect(await expiresAt(tokenHash)).toBe(later(createdAt, hour));

      const used = later(createdAt, 90_000);
      expect(await f.stores.sessions.findSessionUser(tokenHash, used, longAgo)).toMatchObject({ id: user.id });
      expect(await expiresAt(tokenHash)).toBe(later(used, hour));
      expect(await f.stores.sessions.findSessionUser(tokenHash, later(createdAt, hour + minute), longAgo)).toMatchObject({ id: user.id });
    });

    it('every later use pushes the expiry out by the original lifetime, never more', async () => {
      const user = await f.user();
      const createdAt = f.now();
      const tokenHash = await session(user.id, createdAt, hour);
      for (const minutes of [2, 4, 30]) {
        const used = later(createdAt, minutes * minute);
        expect(await f.stores.sessions.findSessionUser(tokenHash, used, longAgo)).toMatchObject({ id: user.id });
        expect(await expiresAt(tokenHash)).toBe(later(used, hour));
      }
      expect(await f.stores.sessions.findSessionUser(tokenHash, later(createdAt, 30 * minute + hour), longAgo)).toBeUndefined();
    });

    it('an expired session is not found, and looking it up does not revive it', async () => {
      const user = await f.user();
      const createdAt = f.now();
      const tokenHash = await session(user.id, createdAt, hour);
      expect(await f.stores.sessions.findSessionUser(tokenHash, later(createdAt, hour + minute), longAgo)).toBeUndefined();
      expect(await expiresAt(tokenHash)).toBe(later(createdAt, hour));
      expect(await f.stores.sessions.findSessionUser(tokenHash, later(createdAt, hour - 1), longAgo)).toMatchObject({ id: user.id });
    });
  });

  describe('absolute lifetime and clean-up', () => {
    it('a session created at or before the cut-off is dead however recently used', async () => {
      const user = await f.user();
      const createdAt = f.now();
      const tokenHash = await session(user.id, createdAt, hour);
      const now = later(createdAt, minute);
      expect(await f.stores.sessions.findSessionUser(tokenHash, now, later(createdAt, -1))).toMatchObject({ id: user.id });
      expect(await f.stores.sessions.findSessionUser(tokenHash, now, createdAt)).toBeUndefined();
    });

    it('findLiveSessions keeps the living of the hashes asked, by both rules', async () => {
      const user = await f.user();
      const createdAt = f.now();
      const [live, expired, old] = [
        await session(user.id, createdAt, hour),
        await session(user.id, createdAt, minute),
        await session(user.id, later(createdAt, -hour), 2 * hour),
      ];
      const found = await f.stores.sessions.findLiveSessions(
        [live, expired, old, 'unknown'],
        later(createdAt, 2 * minute),
        later(createdAt, -minute),
      );
      expect([...found]).toEqual([live]);
    });

    it('purgeSessions removes the dead by either rule and leaves the living', async () => {
      const user = await f.user();
      const createdAt = later(f.now(), 400 * 24 * hour);
      const [live, expired] = [await session(user.id, createdAt, hour), await session(user.id, createdAt, minute)];
      const now = later(createdAt, 2 * minute);
      expect(await f.stores.sessions.purgeSessions(now, later(createdAt, -minute))).toBeGreaterThanOrEqual(1);
      expect(await f.stores.sessions.findLiveSessions([live, expired], now, later(createdAt, -minute))).toEqual(new Set([live]));
      expect(await expiresAt(expired)).toBeUndefined();
    });

    it('removeIdleGuests removes silent guests not seen since the cut-off, with their memberships counted out', async () => {
      const owner = await f.user();
      const room = await f.room(owner.id);
      const [silent, talker, recent] = [await f.user(), await f.user(), await f.user()];
      for (const guest of [silent, talker, recent]) await f.stores.rooms.addMember(room, guest.id, f.now());
      await f.stores.messages.appendMessage(f.message(room, talker));
      const seen = (id: string, at: string) => f.database.db.updateTable('users').set({ last_seen_at: at }).where('id', '=', id).execute();
      const longBefore = '2000-01-01T00:00:00.000Z';
      await seen(silent.id, longBefore);
      await seen(talker.id, longBefore);
      await seen(owner.id, longBefore);
      expect(await f.stores.users.removeIdleGuests('2000-06-01T00:00:00.000Z')).toBeGreaterThanOrEqual(1);
      expect(await f.stores.users.findUserById(silent.id)).toBeUndefined();
      expect(await f.stores.users.findUserById(talker.id)).toBeDefined();
      expect(await f.stores.users.findUserById(recent.id)).toBeDefined();
      expect(await f.stores.users.findUserById(owner.id)).toBeDefined();
      expect((await f.stores.rooms.findRoomById(room))?.memberCount).toBe(3);
      expect(await f.stores.rooms.listMemberIds(room)).not.toContain(silent.id);
      expect(await f.stores.users.findUserByName(silent.username)).toBeUndefined();
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

    it('findResetTokenUser looks without using; deleteResetTokensOfUser and purgeResetTokens end links', async () => {
      const member = await f.account();
      const createdAt = f.now();
      const [first, second] = [await resetToken(member.id, createdAt), await resetToken(member.id, createdAt)];
      const now = later(createdAt, minute);
      expect(await f.stores.resetTokens.findResetTokenUser(first, now)).toBe(member.id);
      expect(await f.stores.resetTokens.findResetTokenUser(first, now)).toBe(member.id);
      expect(await f.stores.resetTokens.consumeResetToken(first, now)).toBe(member.id);
      expect(await f.stores.resetTokens.findResetTokenUser(first, now)).toBeUndefined();
      expect(await f.stores.resetTokens.purgeResetTokens(now)).toBeGreaterThanOrEqual(1);
      await f.stores.resetTokens.deleteResetTokensOfUser(member.id);
      expect(await f.stores.resetTokens.consumeResetToken(second, now)).toBeUndefined();
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
