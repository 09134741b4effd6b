import { describe, expect, it } from 'vitest';
import type { Fixture } from './fixture.js';

export function accountSettingsContract(f: Fixture): void {
  describe('account lookups', () => {
    it('findAccountByLogin finds an account by its username in any case and by its e-mail', async () => {
      const input = f.newAccount();
      await f.stores.users.registerAccount(input);
      const account = await f.stores.users.findAccountById(input.id);
      expect(account).toMatchObject({ user: { id: input.id }, email: input.email, passwordHash: input.passwordHash });
      expect(await f.stores.users.findAccountByLogin(input.username.toUpperCase())).toEqual(account);
      expect(await f.stores.users.findAccountByLogin(input.username.toLowerCase())).toEqual(account);
      expect(await f.stores.users.findAccountByLogin(input.email)).toEqual(account);
      expect(await f.stores.users.findAccountByLogin('nobody@example.org')).toBeUndefined();
    });

    it('a guest is found as an account with no password hash and no e-mail', async () => {
      const guest = await f.user();
      const expected = { user: { id: guest.id, username: guest.username, kind: 'guest' }, email: null, passwordHash: null };
      expect(await f.stores.users.findAccountById(guest.id)).toMatchObject(expected);
      expect(await f.stores.users.findAccountByLogin(guest.username)).toMatchObject(expected);
      expect(await f.stores.users.findAccountById('nobody')).toBeUndefined();
    });

    it('findUserByName finds a user by name in any case, and answers undefined for an unknown name', async () => {
      const guest = await f.user();
      const member = await f.account();
      expect(await f.stores.users.findUserByName(guest.username.toUpperCase())).toEqual(await f.stores.users.findUserById(guest.id));
      expect(await f.stores.users.findUserByName(member.username.toLowerCase())).toEqual(member);
      expect(await f.stores.users.findUserByName('No Such User')).toBeUndefined();
    });
  });

  describe('account settings', () => {
    it('setPasswordHash replaces the password hash', async () => {
      const member = await f.account();
      await f.stores.users.setPasswordHash(member.id, 'new-hash');
      expect((await f.stores.users.findAccountById(member.id))?.passwordHash).toBe('new-hash');
    });

    it('setEmail stores a free address, by which the account is then found', async () => {
      const member = await f.account();
      const email = `${f.unique('moved')}@example.org`;
      expect(await f.stores.users.setEmail(member.id, email)).toBe('ok');
      expect((await f.stores.users.findAccountById(member.id))?.email).toBe(email);
      expect((await f.stores.users.findAccountByLogin(email))?.user.id).toBe(member.id);
    });

    it('setEmail answers taken for an address another account uses, changing nothing', async () => {
      const [member, other] = [await f.account(), await f.account()];
      const before = await f.stores.users.findAccountById(member.id);
      const otherEmail = (await f.stores.users.findAccountById(other.id))?.email ?? '';
      expect(await f.stores.users.setEmail(member.id, otherEmail)).toBe('taken');
      expect(await f.stores.users.findAccountById(member.id)).toEqual(before);
      expect((await f.stores.users.findAccountByLogin(otherEmail))?.user.id).toBe(other.id);
    });

    it('setKind changes the kind of a user', async () => {
      const member = await f.account();
      await f.stores.users.setKind(member.id, 'admin');
      expect((await f.stores.users.findUserById(member.id))?.kind).toBe('admin');
      await f.stores.users.setKind(member.id, 'member');
      expect((await f.stores.users.findAccountById(member.id))?.user.kind).toBe('member');
    });

    it('listAccounts lists accounts oldest first, whatever order they were stored in', async () => {
      const times = ['2026-01-03T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'];
      const inputs = times.map((createdAt) => f.newAccount({ createdAt }));
      for (const input of inputs) await f.stores.users.registerAccount(input);
      const accounts = await f.stores.users.listAccounts();
      const ours = accounts.filter((a) => inputs.some((input) => input.id === a.user.id));
      expect(ours.map((a) => a.user.createdAt)).toEqual([...times].sort());
      expect(ours[0]).toMatchObject({ email: inputs[1]?.email, passwordHash: inputs[1]?.passwordHash });
      const created = accounts.map((a) => a.user.createdAt);
      expect(created).toEqual([...created].sort());
    });
  });
}
