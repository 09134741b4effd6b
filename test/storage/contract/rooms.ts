import { describe, expect, it } from 'vitest';
import type { NewRoom } from '../../../src/server/core/rooms/ports.js';
import type { Fixture } from './fixture.js';

export function roomContract(f: Fixture): void {
  describe('rooms', () => {
    const newRoom = (ownerId: string, fields: Partial<NewRoom> = {}): NewRoom => ({
      id: f.unique('r'),
      name: f.unique('Room '),
      topic: 'a topic',
      visibility: 'public',
      code: f.unique('CODE'),
      ownerId,
      createdAt: f.now(),
      ...fields,
    });

    it('insertRoom stores the room with its owner as the only member', async () => {
      const owner = await f.user();
      const room = newRoom(owner.id, { visibility: 'private' });
      expect(await f.stores.rooms.insertRoom(room)).toBe('ok');
      expect(await f.stores.rooms.findRoomById(room.id)).toEqual({
        id: room.id,
        kind: 'room',
        name: room.name,
        topic: 'a topic',
        visibility: 'private',
        code: room.code,
        memberCount: 1,
        lastSeq: 0,
        lastChange: 0,
        createdAt: room.createdAt,
        lastActivityAt: room.createdAt,
        mentionPolicy: 'everyone',
      });
      expect(await f.stores.rooms.listMemberIds(room.id)).toEqual([owner.id]);
      expect((await f.stores.rooms.findRoomFor(room.id, owner.id))?.member).toBe(true);
    });

    it('findRoomFor reads the room and whether the user belongs to it', async () => {
      const owner = await f.user();
      const stranger = await f.user();
      const room = newRoom(owner.id);
      await f.stores.rooms.insertRoom(room);
      const stored = await f.stores.rooms.findRoomById(room.id);
      expect(await f.stores.rooms.findRoomFor(room.id, owner.id)).toEqual({ room: stored, member: true });
      expect(await f.stores.rooms.findRoomFor(room.id, stranger.id)).toEqual({ room: stored, member: false });
      await f.stores.rooms.addMember(room.id, stranger.id, f.now());
      expect((await f.stores.rooms.findRoomFor(room.id, stranger.id))?.member).toBe(true);
      expect(await f.stores.rooms.findRoomFor('no-room', owner.id)).toBeUndefined();
    });

    it('a public room name taken in another case answers name_taken and stores nothing', async () => {
      const owner = await f.user();
      await f.stores.rooms.insertRoom(newRoom(owner.id, { name: 'Fireside' }));
      const clash = newRoom(owner.id, { name: 'FIRESIDE' });
      expect(await f.stores.rooms.insertRoom(clash)).toBe('name_taken');
      expect(await f.stores.rooms.findRoomById(clash.id)).toBeUndefined();
    });

    it('a private room may share its name with a public room and with other private rooms', async () => {
      const owner = await f.user();
      await f.stores.rooms.insertRoom(newRoom(owner.id, { name: 'Kitchen' }));
      expect(await f.stores.rooms.insertRoom(newRoom(owner.id, { name: 'kitchen', visibility: 'private' }))).toBe('ok');
      expect(await f.stores.rooms.insertRoom(newRoom(owner.id, { name: 'KITCHEN', visibility: 'private' }))).toBe('ok');
    });

    it('a code in use answers code_taken and stores nothing', async () => {
      const owner = await f.user();
      const first = newRoom(owner.id);
      await f.stores.rooms.insertRoom(first);
      const clash = newRoom(owner.id, { code: first.code, visibility: 'private' });
      expect(await f.stores.rooms.insertRoom(clash)).toBe('code_taken');
      expect(await f.stores.rooms.findRoomById(clash.id)).toBeUndefined();
    });

    it('findRoomByCode finds any room; findPublicRoomByName finds public rooms in any case only', async () => {
      const owner = await f.user();
      const open = newRoom(owner.id, { name: 'Porch' });
      const secret = newRoom(owner.id, { name: 'Attic', visibility: 'private' });
      await f.stores.rooms.insertRoom(open);
      await f.stores.rooms.insertRoom(secret);
      expect((await f.stores.rooms.findRoomByCode(secret.code))?.id).toBe(secret.id);
      expect((await f.stores.rooms.findPublicRoomByName('pORCH'))?.id).toBe(open.id);
      expect(await f.stores.rooms.findPublicRoomByName('Attic')).toBeUndefined();
      expect(await f.stores.rooms.findRoomByCode('NOCODE')).toBeUndefined();
      expect(await f.stores.rooms.findRoomById('no-room')).toBeUndefined();
    });

    it('listRoomsOf lists the user’s rooms, private ones included, newest activity first', async () => {
      const [owner, reader] = [await f.user(), await f.user()];
      const older = await f.room(owner.id);
      const joinedPrivate = await f.room(owner.id, { visibility: 'private' });
      const hidden = await f.room(owner.id, { visibility: 'private' });
      const newer = await f.room(reader.id);
      await f.stores.rooms.addMember(joinedPrivate, reader.id, f.now());
      await f.stores.rooms.addMember(older, reader.id, f.now());
      await f.stores.messages.appendMessage(f.message(older, owner));

      const ids = (await f.stores.rooms.listRoomsOf(reader.id)).map((room) => room.id);
      expect(ids).toEqual([older, newer, joinedPrivate]);
      expect(ids).not.toContain(hidden);
    });

    it('listDirectory pages the public rooms one is not in, by name, each exactly once', async () => {
      const [owner, reader] = [await f.user(), await f.user()];
      const prefix = f.unique('dir');
      const names = ['delta', 'Alpha', 'charlie', 'bravo', 'echo'].map((n) => `${prefix} ${n}`);
      const ids = new Map<string, string>();
      for (const name of names) ids.set(name, await f.room(owner.id, { name }));
      await f.room(owner.id, { name: `${prefix} private`, visibility: 'private' });
      await f.stores.rooms.addMember(ids.get(names[4]!)!, reader.id, f.now());
      const seen: string[] = [];
      let after: string | undefined;
      const pastOurs = (name: string) => name.toLowerCase() > `${prefix} ~`.toLowerCase();
      for (let guard = 0; guard < 10_000; guard++) {
        const page = await f.stores.rooms.listDirectory(reader.id, { limit: 2, after });
        expect(page.rooms.length).toBeLessThanOrEqual(2);
        seen.push(...page.rooms.map((room) => room.name).filter((name) => name.startsWith(prefix)));
        if (!page.next || page.rooms.some((room) => pastOurs(room.name))) break;
        after = page.next;
      }
      expect(seen).toEqual([`${prefix} Alpha`, `${prefix} bravo`, `${prefix} charlie`, `${prefix} delta`]);
    });

    it('addMember counts a new member once; adding again reports no change', async () => {
      const [owner, guest] = [await f.user(), await f.user()];
      const room = await f.room(owner.id);
      expect(await f.stores.rooms.addMember(room, guest.id, f.now())).toEqual({ changed: true, memberCount: 2 });
      expect(await f.stores.rooms.addMember(room, guest.id, f.now())).toEqual({ changed: false, memberCount: 2 });
      expect(await f.stores.rooms.addMember(room, owner.id, f.now())).toEqual({ changed: false, memberCount: 2 });
      expect((await f.stores.rooms.findRoomById(room))?.memberCount).toBe(2);
      expect((await f.stores.rooms.findRoomFor(room, guest.id))?.member).toBe(true);
    });

    it('removeMember uncounts a member; removing a non-member reports no change', async () => {
      const [owner, guest] = [await f.user(), await f.user()];
      const room = await f.room(owner.id);
      await f.stores.rooms.addMember(room, guest.id, f.now());
      expect(await f.stores.rooms.removeMember(room, guest.id)).toEqual({ changed: true, memberCount: 1 });
      expect(await f.stores.rooms.removeMember(room, guest.id)).toEqual({ changed: false, memberCount: 1 });
      expect((await f.stores.rooms.findRoomFor(room, guest.id))?.member).toBe(false);
      expect((await f.stores.rooms.findRoomById(room))?.memberCount).toBe(1);
    });

    it('concurrent joins of many users count every member exactly once', async () => {
      const owner = await f.user();
      const room = await f.room(owner.id);
      const guests = await Promise.all(Array.from({ length: 20 }, () => f.user()));
      await Promise.all(
        guests.flatMap((g) => [f.stores.rooms.addMember(room, g.id, f.now()), f.stores.rooms.addMember(room, g.id, f.now())]),
      );
      expect((await f.stores.rooms.findRoomById(room))?.memberCount).toBe(21);
      expect((await f.stores.rooms.listMemberIds(room)).sort()).toEqual([owner.id, ...guests.map((g) => g.id)].sort());
    });

    it('listRoomIdsOf lists exactly the rooms a user belongs to', async () => {
      const [owner, guest] = [await f.user(), await f.user()];
      const [a, b, c] = [await f.room(owner.id), await f.room(owner.id), await f.room(owner.id)];
      await f.stores.rooms.addMember(a, guest.id, f.now());
      await f.stores.rooms.addMember(c, guest.id, f.now());
      expect((await f.stores.rooms.listRoomIdsOf(guest.id)).sort()).toEqual([a, c].sort());
      expect((await f.stores.rooms.listRoomIdsOf(owner.id)).sort()).toEqual([a, b, c].sort());
    });
  });
}
