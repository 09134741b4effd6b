import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/server/storage/database.js';
import { createStores, type Stores } from '../../../src/server/storage/stores.js';
import { range, type Fixture } from './fixture.js';

export function accountContract(f: Fixture): void {
  describe('registerAccount', () => {
    /**
     * Runs `test` on a new, empty database, through `instances` store instances (as so many
     * processes) where the engine is shared by processes, else through one.
     */
    async function onEmptyDatabase(instances: number, test: (stores: [Stores, ...Stores[]]) => Promise<void>): Promise<void> {
      const open = f.target.freshDatabase();
      const databases: [Database, ...Database[]] = [await open()];
      try {
        while (databases.length < (f.target.sharedByProcesses ? instances : 1)) databases.push(await open());
        const [first, ...others] = databases;
        await test([createStores(first), ...others.map(createStores)]);
      } finally {
        for (const database of databases) await database.close();
      }
    }

    // The shared database holds an account from here on, so later registrations there are members.
    beforeAll(() => f.account());

    it('on an empty server the first account is admin and later ones members; guests do not count', async () => {
      await onEmptyDatabase(1, async ([{ users }]) => {
        const guest = { id: 'g1', username: 'Guest', kind: 'guest' as const, createdAt: f.now() };
        expect(await users.insertUser(guest)).toBe('ok');
        const first = await users.registerAccount(f.newAccount());
        expect(first).toMatchObject({ ok: true, user: { kind: 'admin' } });
        expect(await users.registerAccount(f.newAccount())).toMatchObject({ ok: true, user: { kind: 'member' } });
        expect(await users.registerAccount(f.newAccount({ username: 'Guest', guestId: 'g1' }))).toMatchObject({
          ok: true,
          user: { id: 'g1', kind: 'member' },
        });
      });
    });

    it('5 registrations racing on an empty server make exactly one admin', async () => {
      await onEmptyDatabase(5, async (stores) => {
        const register = (i: number) => (stores[i % stores.length] ?? stores[0]).users.registerAccount(f.newAccount());
        const results = await Promise.all(range(0, 4).map(register));
        const kinds = results.map((r) => (r.ok ? r.user.kind : r.taken));
        expect(kinds.sort()).toEqual(['admin', 'member', 'member', 'member', 'member']);
        const accounts = await stores[0].users.listAccounts();
        expect(accounts.map((a) => a.user.kind).sort()).toEqual(['admin', 'member', 'member', 'member', 'member']);
      });
    });

    it('stores a new account findable by id with its e-mail and password hash', async () => {
      const input = f.newAccount();
      const result = await f.stores.users.registerAccount(input);
      const user = { id: input.id, username: input.username, kind: 'member', createdAt: input.createdAt };
      expect(result).toEqual({ ok: true, user });
      expect(await f.stores.users.findAccountById(input.id)).toEqual({ user, email: input.email, passwordHash: input.passwordHash });
    });

    it('a guest upgrade keeps the id, its memberships and messages, and may keep its own username', async () => {
      const [owner, guest] = [await f.user(), await f.user()];
      const room = await f.room(owner.id);
      await f.stores.rooms.addMember(room, guest.id, f.now());
      const { message } = await f.stores.messages.appendMessage(f.message(room, guest));

      const input = f.newAccount({ username: guest.username, guestId: guest.id });
      const result = await f.stores.users.registerAccount(input);
      expect(result).toMatchObject({ ok: true, user: { id: guest.id, username: guest.username, kind: 'member' } });
      expect(await f.stores.users.findAccountById(guest.id)).toMatchObject({ email: input.email, passwordHash: input.passwordHash });
      expect(await f.stores.users.findUserById(input.id)).toBeUndefined();
      expect((await f.stores.rooms.findRoomFor(room, guest.id))?.member).toBe(true);
      expect((await f.stores.messages.pageMessages(room, { limit: 10 })).messages).toEqual([message]);
    });

    it('a guest upgrade may take a new free username, which its messages then show', async () => {
      const guest = await f.user();
      const room = await f.room(guest.id);
      await f.stores.messages.appendMessage(f.message(room, guest));
      const username = f.unique('Renamed');
      const result = await f.stores.users.registerAccount(f.newAccount({ username, guestId: guest.id }));
      expect(result).toMatchObject({ ok: true, user: { id: guest.id, username, kind: 'member' } });
      expect(await f.stores.users.findUserByName(guest.username)).toBeUndefined();
      expect((await f.stores.users.findUserByName(username))?.id).toBe(guest.id);
      const [message] = (await f.stores.messages.pageMessages(room, { limit: 10 })).messages;
      expect(message?.author).toEqual({ id: guest.id, username });
    });

    it('a username taken by someone else, in any case, answers taken username and stores nothing', async () => {
      const other = await f.user();
      const input = f.newAccount({ username: other.username.toUpperCase() });
      expect(await f.stores.users.registerAccount(input)).toEqual({ ok: false, taken: 'username' });
      expect(await f.stores.users.findUserById(input.id)).toBeUndefined();
      expect(await f.stores.users.findAccountByLogin(input.email)).toBeUndefined();
    });

    it('an e-mail in use, given in another case and lower-cased, answers taken email and stores nothing', async () => {
      await f.account({ email: 'hestia@example.org' });
      const input = f.newAccount({ email: 'Hestia@Example.ORG'.toLowerCase() });
      expect(await f.stores.users.registerAccount(input)).toEqual({ ok: false, taken: 'email' });
      expect(await f.stores.users.findUserById(input.id)).toBeUndefined();
      expect(await f.stores.users.findUserByName(input.username)).toBeUndefined();
    });

    it('a failed guest upgrade (username or e-mail taken) leaves the guest a guest, unchanged', async () => {
      const [guest, other] = [await f.user(), await f.user()];
      const member = await f.account();
      const before = await f.stores.users.findAccountById(guest.id);
      const byName = f.newAccount({ username: other.username, guestId: guest.id });
      expect(await f.stores.users.registerAccount(byName)).toEqual({ ok: false, taken: 'username' });
      const byEmail = f.newAccount({ guestId: guest.id, email: (await f.stores.users.findAccountById(member.id))?.email ?? '' });
      expect(await f.stores.users.registerAccount(byEmail)).toEqual({ ok: false, taken: 'email' });
      expect(await f.stores.users.findAccountById(guest.id)).toEqual(before);
      expect(before).toMatchObject({ user: { kind: 'guest', username: guest.username }, email: null, passwordHash: null });
    });
  });
}
