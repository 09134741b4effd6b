import { describe, expect, it } from 'vitest';
import type { Fixture } from './fixture.js';

export function userAndSessionContract(f: Fixture): void {
  describe('users', () => {
    it('findUserById returns an inserted user with its kind and exact ISO createdAt', async () => {
      const createdAt = '2026-11-21T08:00:00.123Z';
      expect(await f.stores.users.insertUser({ id: 'user-iso', username: 'Ada', kind: 'member', createdAt })).toBe('ok');
      expect(await f.stores.users.findUserById('user-iso')).toEqual({
        id: 'user-iso',
        username: 'Ada',
        kind: 'member',
        createdAt,
      });
    });

    it('insertUser answers taken for a username differing only in case, and stores nothing', async () => {
      const { username } = await f.user('Grace Hopper');
      const result = await f.stores.users.insertUser({
        id: 'user-dup',
        username: username.toUpperCase(),
        kind: 'guest',
        createdAt: f.now(),
      });
      expect(result).toBe('taken');
      expect(await f.stores.users.findUserById('user-dup')).toBeUndefined();
    });

    it('findUserById answers undefined for an unknown id', async () => {
      expect(await f.stores.users.findUserById('nobody')).toBeUndefined();
    });

    it('findUsersByIds returns the known users in the order asked, once each', async () => {
      const a = await f.user();
      const b = await f.user();
      const users = await f.stores.users.findUsersByIds([b.id, 'nobody', a.id, b.id]);
      expect(users.map((u) => u.username)).toEqual([b.username, a.username]);
      expect(await f.stores.users.findUsersByIds([])).toEqual([]);
    });
  });

  describe('sessions', () => {
    const hour = 3_600_000;
    const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

    async function session(userId: string, createdAt: string, ttlMs = hour) {
      const tokenHash = f.unique('hash');
      await f.stores.sessions.insertSession({ tokenHash, userId, createdAt, expiresAt: later(createdAt, ttlMs) });
      return tokenHash;
    }

    it('findSessionUser returns the user of an unexpired session', async () => {
      const author = await f.user();
      const createdAt = f.now();
      const tokenHash = await session(author.id, createdAt);
      const user = await f.stores.sessions.findSessionUser(tokenHash, later(createdAt, hour - 1), '1970-01-01T00:00:00.000Z');
      expect(user).toMatchObject({ id: author.id, username: author.username, kind: 'guest' });
    });

    it('findSessionUser ignores a session from its expiry on, and an unknown token', async () => {
      const author = await f.user();
      const createdAt = f.now();
      const tokenHash = await session(author.id, createdAt);
      expect(await f.stores.sessions.findSessionUser(tokenHash, later(createdAt, hour), '1970-01-01T00:00:00.000Z')).toBeUndefined();
      expect(await f.stores.sessions.findSessionUser(tokenHash, later(createdAt, 2 * hour), '1970-01-01T00:00:00.000Z')).toBeUndefined();
      expect(await f.stores.sessions.findSessionUser('no-such-hash', createdAt, '1970-01-01T00:00:00.000Z')).toBeUndefined();
    });

    it('deleteSession makes the session unusable at once, leaving other sessions working', async () => {
      const author = await f.user();
      const createdAt = f.now();
      const gone = await session(author.id, createdAt);
      const kept = await session(author.id, createdAt);
      await f.stores.sessions.deleteSession(gone);
      expect(await f.stores.sessions.findSessionUser(gone, createdAt, '1970-01-01T00:00:00.000Z')).toBeUndefined();
      expect(await f.stores.sessions.findSessionUser(kept, createdAt, '1970-01-01T00:00:00.000Z')).toMatchObject({ id: author.id });
    });

    it('findSessionUser records the use on the session and the user, at most once a minute', async () => {
      const author = await f.user();
      const createdAt = f.now();
      const tokenHash = await session(author.id, createdAt);
      const lastUse = async () => {
        const row = await f.database.db
          .selectFrom('sessions')
          .innerJoin('users', 'users.id', 'sessions.user_id')
          .select(['sessions.last_used_at', 'users.last_seen_at'])
          .where('token_hash', '=', tokenHash)
          .executeTakeFirstOrThrow();
        return [row.last_used_at, row.last_seen_at];
      };
      const [, seenBefore] = await lastUse();
      await f.stores.sessions.findSessionUser(tokenHash, later(createdAt, 30_000), '1970-01-01T00:00:00.000Z');
      expect(await lastUse()).toEqual([createdAt, seenBefore]);
      await f.stores.sessions.findSessionUser(tokenHash, later(createdAt, 90_000), '1970-01-01T00:00:00.000Z');
      expect(await lastUse()).toEqual([later(createdAt, 90_000), later(createdAt, 90_000)]);
    });
  });
}
