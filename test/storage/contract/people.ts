import { describe, expect, it } from 'vitest';
import { directKey } from '../../../src/server/core/rooms/direct-key.js';
import type { Fixture } from './fixture.js';

/** Profiles, blocks, rooms in common, member lists, and direct groups that change their people. */
export function peopleContract(f: Fixture): void {
  describe('people', () => {
    it('a profile starts empty, takes changes field by field, and keeps the rest', async () => {
      const ann = await f.user();
      expect(await f.stores.people.findPerson(ann.id)).toMatchObject({
        user: { id: ann.id, username: ann.username },
        displayName: '',
        status: '',
        timeZone: '',
        directPolicy: 'anyone',
      });
      await f.stores.people.updateProfile(ann.id, { displayName: 'Ann Smith', timeZone: 'Europe/Paris' });
      await f.stores.people.updateProfile(ann.id, { status: 'On holiday', directPolicy: 'shared_room' });
      await f.stores.people.updateProfile(ann.id, {});
      expect(await f.stores.people.findPerson(ann.id)).toMatchObject({
        displayName: 'Ann Smith',
        status: 'On holiday',
        timeZone: 'Europe/Paris',
        directPolicy: 'shared_room',
      });
      expect(await f.stores.people.findPerson('nobody')).toBeUndefined();
      const bob = await f.user();
      expect(await f.stores.people.directPoliciesOf([ann.id, bob.id, 'nobody'])).toEqual(
        new Map([
          [ann.id, 'shared_room'],
          [bob.id, 'anyone'],
        ]),
      );
    });

    it('blocks: one way each, twice is once, found among a set whichever way, undone by unblock', async () => {
      const [ann, bob, carol] = [await f.user(), await f.user(), await f.user()];
      await f.stores.people.block(ann.id, bob.id, f.now());
      await f.stores.people.block(ann.id, bob.id, f.now());
      await f.stores.people.block(carol.id, ann.id, f.now());
      expect((await f.stores.people.listBlocked(ann.id)).map((u) => u.id)).toEqual([bob.id]);
      expect(await f.stores.people.listBlocked(bob.id)).toEqual([]);
      expect(await f.stores.people.blocksAmong([bob.id, ann.id])).toEqual([{ blockerId: ann.id, blockedId: bob.id }]);
      expect(await f.stores.people.blocksAmong([bob.id, carol.id])).toEqual([]);
      expect(await f.stores.people.blocksAmong([ann.id])).toEqual([]);
      expect((await f.stores.people.blocksAmong([ann.id, bob.id, carol.id])).length).toBe(2);
      await f.stores.people.unblock(ann.id, bob.id);
      await f.stores.people.unblock(ann.id, bob.id);
      expect(await f.stores.people.blocksAmong([ann.id, bob.id])).toEqual([]);
    });

    it('rooms in common: both are members, never a direct room, by name', async () => {
      const [ann, bob, eve] = [await f.user(), await f.user(), await f.user()];
      const zoo = await f.room(ann.id, { name: f.unique('Zoo ') });
      const attic = await f.room(bob.id, { name: f.unique('Attic '), visibility: 'private' });
      const annOnly = await f.room(ann.id);
      const joinedAt = f.now();
      await f.stores.rooms.addMember(zoo, bob.id, joinedAt);
      await f.stores.rooms.addMember(attic, ann.id, joinedAt);
      await f.stores.rooms.addMember(annOnly, eve.id, joinedAt);
      await f.stores.rooms.insertRoom({
        id: f.unique('d'),
        kind: 'direct',
        directKey: directKey([ann.id, bob.id]),
        name: '',
        topic: '',
        visibility: 'private',
        code: f.unique('DC'),
        ownerId: ann.id,
        otherMemberIds: [bob.id],
        createdAt: f.now(),
      });
      const common = await f.stores.people.roomsInCommon(ann.id, bob.id);
      expect(common.map((r) => r.id)).toEqual([attic, zoo]);
      expect(common[0]).toMatchObject({ visibility: 'private' });
      expect(await f.stores.people.roomsInCommon(bob.id, eve.id)).toEqual([]);
    });

    it('members: everyone in the room with when they were last seen, most recent first', async () => {
      const [ann, bob, carol] = [await f.user(), await f.user(), await f.user()];
      const room = await f.room(ann.id);
      await f.stores.rooms.addMember(room, bob.id, f.now());
      await f.stores.rooms.addMember(room, carol.id, f.now());
      const seen = f.now();
      await f.stores.people.touchLastSeen(bob.id, seen);
      await f.stores.people.updateProfile(bob.id, { displayName: 'Bobby' });
      const members = await f.stores.people.listMembers(room, 10);
      expect(members.map((m) => m.user.id)).toEqual([bob.id, carol.id, ann.id]);
      expect(members[0]).toMatchObject({ displayName: 'Bobby', lastSeenAt: seen });
      expect(await f.stores.people.listMembers(room, 2)).toHaveLength(2);
    });

    it('a direct group: flagged, renamed, and re-keyed unless another conversation has the set', async () => {
      const [ann, bob, carol] = [await f.user(), await f.user(), await f.user()];
      const group = f.unique('g');
      const pair = f.unique('p');
      const base = { topic: '', visibility: 'private' as const, name: '', createdAt: f.now(), kind: 'direct' as const };
      await f.stores.rooms.insertRoom({
        ...base,
        id: group,
        code: f.unique('G'),
        ownerId: ann.id,
        otherMemberIds: [bob.id, carol.id],
        directKey: directKey([ann.id, bob.id, carol.id]),
        directGroup: true,
      });
      await f.stores.rooms.insertRoom({
        ...base,
        id: pair,
        code: f.unique('P'),
        ownerId: ann.id,
        otherMemberIds: [bob.id],
        directKey: directKey([ann.id, bob.id]),
      });
      expect(await f.stores.rooms.findRoomById(group)).toMatchObject({ group: true });
      expect(await f.stores.rooms.findRoomById(pair)).toMatchObject({ group: false });
      await f.stores.rooms.setRoomName(group, 'Lunch club');
      expect((await f.stores.rooms.findRoomById(group))?.name).toBe('Lunch club');
      expect(await f.stores.rooms.rekeyDirectRoom(group, directKey([ann.id, bob.id]))).toBe('taken');
      expect(await f.stores.rooms.rekeyDirectRoom(group, null)).toBe('ok');
      expect((await f.stores.rooms.findDirectRoom(directKey([ann.id, bob.id])))?.id).toBe(pair);
      expect(await f.stores.rooms.findDirectRoom(directKey([ann.id, bob.id, carol.id]))).toBeUndefined();
      expect(await f.stores.rooms.rekeyDirectRoom(group, directKey([ann.id, carol.id]))).toBe('ok');
      expect((await f.stores.rooms.findDirectRoom(directKey([carol.id, ann.id])))?.id).toBe(group);
    });
  });
}
