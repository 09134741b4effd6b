import { describe, expect, it } from 'vitest';
import { directKey } from '../../../src/server/core/rooms/direct-key.js';
import type { Fixture } from './fixture.js';

/** Direct rooms: keyed by their member set, created with every member, never opened by a code. */
export function directRoomContract(f: Fixture): void {
  describe('direct rooms', () => {
    const direct = (id: string, ownerId: string, others: string[], code = f.unique('DIRECT')) =>
      f.stores.rooms.insertRoom({
        id,
        kind: 'direct',
        directKey: directKey([ownerId, ...others]),
        name: '',
        topic: '',
        visibility: 'private',
        code,
        ownerId,
        otherMemberIds: others,
        createdAt: f.now(),
      });

    it('stores every member in one go; a second room for the same set is refused; the key finds it', async () => {
      const [ann, bob, carol] = [await f.user(), await f.user(), await f.user()];
      const id = f.unique('d');
      expect(await direct(id, ann.id, [bob.id, carol.id])).toBe('ok');
      expect(await direct(f.unique('d'), carol.id, [ann.id, bob.id])).toBe('direct_taken');
      const room = await f.stores.rooms.findDirectRoom(directKey([carol.id, bob.id, ann.id]));
      expect(room).toMatchObject({ id, kind: 'direct', memberCount: 3, code: '' });
      expect((await f.stores.rooms.listMembersOf([id])).get(id)?.sort()).toEqual([ann.id, bob.id, carol.id].sort());
      expect(await f.stores.rooms.roleOf(id, bob.id)).toBe('member');
      expect((await f.stores.rooms.listRoomsOf(bob.id)).map((r) => r.id)).toContain(id);
    });

    it('its stored code opens nothing, and it is never in the directory', async () => {
      const [ann, bob, eve] = [await f.user(), await f.user(), await f.user()];
      const code = f.unique('SECRET');
      const id = f.unique('d');
      expect(await direct(id, ann.id, [bob.id], code)).toBe('ok');
      expect(await f.stores.rooms.findRoomByCode(code)).toBeUndefined();
      const directory = await f.stores.rooms.listDirectory(eve.id, { limit: 1000 });
      expect(directory.rooms.some((r) => r.id === id)).toBe(false);
      expect((await f.stores.rooms.findRoomById(id))?.kind).toBe('direct');
    });

    it('concurrent inserts of the same set: exactly one is stored', async () => {
      const [ann, bob] = [await f.user(), await f.user()];
      const outcomes = await Promise.all(Array.from({ length: 6 }, () => direct(f.unique('d'), ann.id, [bob.id])));
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'direct_taken')).toHaveLength(5);
    });

    it('people search matches the start of names, folded like names are, and escapes LIKE', async () => {
      const tag = f.unique('q');
      await f.user(`Quill${tag}`);
      await f.user(`quilt${tag}`);
      const found = await f.stores.users.searchUsers(`QUIL`, 50);
      expect(found.map((u) => u.username)).toEqual(expect.arrayContaining([`Quill${tag}`, `quilt${tag}`]));
      expect(await f.stores.users.searchUsers('%', 50)).toEqual([]);
      expect(await f.stores.users.searchUsers('_', 50)).toEqual([]);
      expect(await f.stores.users.searchUsers(`Quill${tag}`, 50)).toHaveLength(1);
    });
  });
}
