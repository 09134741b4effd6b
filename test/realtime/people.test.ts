import { describe, expect, it } from 'vitest';
import type { Member, Profile, ProfileSettings, Room, User } from '../../src/contract/types.js';
import { createRoom, enter, joinByCode, react, remove, send } from '../support/chat.js';
import { api, eventsNamed, guest, waitFor, type Guest } from '../support/hearth.js';
import { hearthSuite } from '../support/suite.js';

type Answer<T> = T & { error?: { code: string; message: string } };

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`people: profiles, blocking, groups and members (${engine})`, () => {
    const suite = hearthSuite(engine);
    const call = <T = Record<string, never>>(who: Guest | null, method: string, path: string, body?: unknown) =>
      api<Answer<T>>(suite.server, method, path, { ...(who ? { token: who.token } : {}), ...(body !== undefined ? { body } : {}) });
    const startDirect = (who: Guest, people: Guest[]) =>
      call<{ room: Room; created: boolean }>(who, 'POST', '/api/direct', { userIds: people.map((p) => p.user.id) });
    const profileOf = async (reader: Guest, person: Guest) =>
      (await call<{ profile: Profile }>(reader, 'GET', `/api/people/${person.user.id}`)).body.profile;

    it('a guest sets a display name, a status and a time zone; others see them with the rooms they share', async () => {
      const [ann, bob, eve] = [await guest(suite.server), await guest(suite.server), await guest(suite.server)];
      const saved = await call<{ profile: ProfileSettings }>(ann, 'PATCH', '/api/account/profile', {
        displayName: '  Ann Smith ',
        status: 'Baking bread',
        timeZone: 'Asia/Tokyo',
      });
      expect(saved.body.profile).toEqual({
        displayName: 'Ann Smith',
        status: 'Baking bread',
        timeZone: 'Asia/Tokyo',
        directPolicy: 'anyone',
      });
      expect((await call<{ profile: ProfileSettings }>(ann, 'GET', '/api/account/profile')).body.profile.displayName).toBe('Ann Smith');
      const room = await createRoom(suite.server, ann, `Bakery ${engine} ${process.pid}`, 'private');
      await joinByCode(suite.server, bob, room.code);
      await startDirect(ann, [bob]);
      const annSocket = await suite.open(ann.token);

      const seenByBob = await profileOf(bob, ann);
      expect(seenByBob).toMatchObject({
        user: { id: ann.user.id, username: ann.user.username, kind: 'guest' },
        displayName: 'Ann Smith',
        status: 'Baking bread',
        timeZone: 'Asia/Tokyo',
        online: true,
        blocked: false,
      });
      // The direct conversation is not a "room in common": only the private room is.
      expect(seenByBob.roomsInCommon).toEqual([{ id: room.id, name: room.name, visibility: 'private' }]);
      // Eve shares nothing with Ann: she reads the profile but learns neither presence nor rooms.
      const seenByEve = await profileOf(eve, ann);
      expect(seenByEve.roomsInCommon).toEqual([]);
      expect(seenByEve).not.toHaveProperty('online');
      expect(seenByEve).not.toHaveProperty('lastSeenAt');
      annSocket.close();
      expect((await call(eve, 'GET', '/api/people/nobody')).body.error?.code).toBe('NOT_FOUND');
      expect((await call(null, 'GET', `/api/people/${ann.user.id}`)).status).toBe(401);
    });

    it('profile settings refuse what does not fit, and change nothing then', async () => {
      const ann = await guest(suite.server);
      for (const bad of [
        { displayName: 'x'.repeat(65) },
        { status: 'x'.repeat(141) },
        { timeZone: 'Mars/Olympus' },
        { directPolicy: 'nobody' },
        { displayName: 'a\u200bb' },
        { email: 'a@b.c' },
        [],
        'text',
      ]) {
        const answer = await call(ann, 'PATCH', '/api/account/profile', bad);
        expect(answer.status, JSON.stringify(bad)).toBe(400);
      }
      expect((await call<{ profile: ProfileSettings }>(ann, 'GET', '/api/account/profile')).body.profile).toEqual({
        displayName: '',
        status: '',
        timeZone: '',
        directPolicy: 'anyone',
      });
      expect((await call(null, 'PATCH', '/api/account/profile', { status: 'hi' })).status).toBe(401);
    });

    it('blocking closes a one-to-one both ways with a clear refusal; deleting one’s words still works; unblocking reopens it', async () => {
      const [ann, bob] = [await guest(suite.server), await guest(suite.server)];
      const { room } = (await startDirect(bob, [ann])).body;
      const [annSocket, bobSocket, annOtherTab] = [await suite.open(ann.token), await suite.open(bob.token), await suite.open(ann.token)];
      const before = await send(bobSocket, room.id, 'hi Ann');
      if (!before.ok) throw new Error('send failed');

      expect((await call(ann, 'PUT', `/api/blocks/${bob.user.id}`)).status).toBe(204);
      await waitFor(
        () => eventsNamed<{ userId: string; blocked: boolean }>(annOtherTab, 'person:blocked').find((e) => e.blocked),
        'other tab told',
      );
      expect((await call<{ people: User[] }>(ann, 'GET', '/api/blocks')).body.people.map((p) => p.id)).toEqual([bob.user.id]);
      expect((await profileOf(ann, bob)).blocked).toBe(true);
      expect((await profileOf(bob, ann)).blocked).toBe(false);

      expect(await send(bobSocket, room.id, 'hello?')).toMatchObject({ ok: false, error: { code: 'BLOCKED' } });
      expect(await send(annSocket, room.id, 'bye')).toMatchObject({
        ok: false,
        error: { code: 'BLOCKED', message: expect.stringContaining('You blocked') },
      });
      expect(await react(bobSocket, room.id, before.message.id, '👍')).toMatchObject({ ok: false, error: { code: 'BLOCKED' } });
      const started = await startDirect(bob, [ann]);
      expect(started).toMatchObject({ status: 403, body: { error: { code: 'BLOCKED' } } });
      expect((await startDirect(ann, [bob])).body.error?.code).toBe('BLOCKED');
      expect((await remove(bobSocket, room.id, before.message.id)).ok).toBe(true);
      // Nothing was stored by the refused sends.
      const history = await call<{ messages: Array<{ text: string }> }>(ann, 'GET', `/api/rooms/${room.id}/messages`);
      expect(history.body.messages.map((m) => m.text)).toEqual(['']);

      expect((await call(ann, 'DELETE', `/api/blocks/${bob.user.id}`)).status).toBe(204);
      expect((await send(bobSocket, room.id, 'hello again')).ok).toBe(true);
      expect((await startDirect(bob, [ann])).body).toMatchObject({ created: false, room: { id: room.id } });
    });

    it('blocks are refused for oneself, unknown people and strangers to the session', async () => {
      const ann = await guest(suite.server);
      expect((await call(ann, 'PUT', `/api/blocks/${ann.user.id}`)).body.error?.code).toBe('BAD_REQUEST');
      expect((await call(ann, 'PUT', '/api/blocks/nobody')).body.error?.code).toBe('NOT_FOUND');
      expect((await call(ann, 'PUT', `/api/blocks/${'x'.repeat(65)}`)).status).toBe(400);
      expect((await call(null, 'PUT', `/api/blocks/${ann.user.id}`)).status).toBe(401);
      expect((await call(null, 'GET', '/api/blocks')).status).toBe(401);
    });

    it('a group goes on when one blocks another; starting a group with someone who blocks you is refused', async () => {
      const [ann, bob, carol] = [await guest(suite.server), await guest(suite.server), await guest(suite.server)];
      const { room } = (await startDirect(carol, [ann, bob])).body;
      await call(ann, 'PUT', `/api/blocks/${bob.user.id}`);
      expect((await send(await suite.open(bob.token), room.id, 'to everyone')).ok).toBe(true);
      expect((await startDirect(bob, [ann, carol])).body).toMatchObject({ created: false, room: { id: room.id } });
      const dan = await guest(suite.server);
      expect((await startDirect(bob, [ann, dan])).body.error?.code).toBe('BLOCKED');
    });

    it('direct messages only from people sharing a room: strangers are refused, roommates and existing conversations are not', async () => {
      const [ann, bob, carol] = [await guest(suite.server), await guest(suite.server), await guest(suite.server)];
      await startDirect(carol, [ann]);
      await call(ann, 'PATCH', '/api/account/profile', { directPolicy: 'shared_room' });
      const refused = await startDirect(bob, [ann]);
      expect(refused).toMatchObject({ status: 403, body: { error: { code: 'DIRECT_RESTRICTED' } } });
      expect((await startDirect(carol, [ann])).body.created).toBe(false);
      const room = await createRoom(suite.server, ann, `Commons ${engine} ${process.pid}`, 'public');
      await joinByCode(suite.server, bob, room.code);
      expect((await startDirect(bob, [ann])).status).toBe(201);
    });

    it('a group: anyone in it names it, adds people (who see its history) and leaves; a one-to-one takes neither', async () => {
      const [ann, bob, carol, dan] = [
        await guest(suite.server),
        await guest(suite.server),
        await guest(suite.server),
        await guest(suite.server),
      ];
      const group = (await startDirect(ann, [bob, carol])).body.room;
      expect(group).toMatchObject({ kind: 'direct', group: true, memberCount: 3 });
      const [bobSocket, danSocket] = [await suite.open(bob.token), await suite.open(dan.token)];
      await send(bobSocket, group.id, 'before Dan');

      const named = await call<{ room: Room }>(carol, 'PATCH', `/api/direct/${group.id}`, { name: 'Lunch club' });
      expect(named.body.room.name).toBe('Lunch club');
      await waitFor(() => eventsNamed<{ room: Room }>(bobSocket, 'room:updated').find((e) => e.room.name === 'Lunch club'), 'renamed live');
      expect((await call(carol, 'PATCH', `/api/direct/${group.id}`, { name: '  ' })).status).toBe(400);

      const added = await call<{ room: Room }>(bob, 'POST', `/api/direct/${group.id}/people`, { userIds: [dan.user.id] });
      expect(added.body.room.participants?.map((p) => p.id).sort()).toEqual([ann, bob, carol, dan].map((g) => g.user.id).sort());
      await waitFor(() => eventsNamed<{ room: Room }>(danSocket, 'room:added').find((e) => e.room.id === group.id), 'Dan told');
      const history = await enter(danSocket, group.id);
      expect(history.ok && history.messages.map((m) => m.text)).toEqual(['before Dan']);
      // The four of them now land in this group.
      expect((await startDirect(dan, [ann, bob, carol])).body).toMatchObject({ created: false, room: { id: group.id } });

      const leave = await danSocket.socket.timeout(3000).emitWithAck('room:leave', { roomId: group.id });
      expect(leave).toMatchObject({ ok: true });
      await waitFor(
        () => eventsNamed<{ room: Room }>(bobSocket, 'room:updated').find((e) => e.room.participants?.length === 3),
        'the others see Dan gone',
      );
      expect((await send(danSocket, group.id, 'let me back')).ok).toBe(false);

      const pair = (await startDirect(ann, [bob])).body.room;
      expect(pair.group).toBe(false);
      expect((await call(ann, 'PATCH', `/api/direct/${pair.id}`, { name: 'Us' })).body.error?.code).toBe('BAD_REQUEST');
      expect((await call(ann, 'POST', `/api/direct/${pair.id}/people`, { userIds: [carol.user.id] })).body.error?.code).toBe('BAD_REQUEST');
      // Three are in it; seven more would make ten, one over the limit.
      const crowd = await Promise.all(Array.from({ length: 7 }, () => guest(suite.server)));
      const tooMany = await call(ann, 'POST', `/api/direct/${group.id}/people`, { userIds: crowd.map((g) => g.user.id) });
      expect(tooMany.body.error?.code).toBe('BAD_REQUEST');
      expect((await call(ann, 'POST', `/api/direct/${group.id}/people`, { userIds: ['nobody'] })).body.error?.code).toBe('NOT_FOUND');
    });

    it('a group that shrinks to a pair who already talk keeps going, and the pair still land in their own conversation', async () => {
      const [ann, bob, carol] = [await guest(suite.server), await guest(suite.server), await guest(suite.server)];
      const pair = (await startDirect(ann, [bob])).body.room;
      const group = (await startDirect(ann, [bob, carol])).body.room;
      const carolSocket = await suite.open(carol.token);
      expect(await carolSocket.socket.timeout(3000).emitWithAck('room:leave', { roomId: group.id })).toMatchObject({ ok: true });
      expect((await startDirect(bob, [ann])).body.room.id).toBe(pair.id);
      expect((await send(await suite.open(ann.token), group.id, 'still here')).ok).toBe(true);
    });

    it('members: everyone in the room, with when they were last seen; a disconnect updates it', async () => {
      const [ann, bob, eve] = [await guest(suite.server), await guest(suite.server), await guest(suite.server)];
      const room = await createRoom(suite.server, ann, `Members ${engine} ${process.pid}`, 'private');
      await joinByCode(suite.server, bob, room.code);
      const bobSocket = await suite.open(bob.token);
      const list = await call<{ members: Member[]; total: number }>(ann, 'GET', `/api/rooms/${room.id}/members`);
      expect(list.body.total).toBe(2);
      expect(list.body.members.map((m) => m.user.id).sort()).toEqual([ann.user.id, bob.user.id].sort());
      const seenBefore = list.body.members.find((m) => m.user.id === bob.user.id)!.lastSeenAt;
      await new Promise((resolve) => setTimeout(resolve, 20));
      bobSocket.close();
      const after = async () =>
        (await call<{ members: Member[] }>(ann, 'GET', `/api/rooms/${room.id}/members`)).body.members.find(
          (m) => m.user.id === bob.user.id,
        )!.lastSeenAt;
      const deadline = Date.now() + 3000;
      while ((await after()) === seenBefore && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(Date.parse(await after())).toBeGreaterThan(Date.parse(seenBefore));
      const hidden = await call(eve, 'GET', `/api/rooms/${room.id}/members`);
      const missing = await call(eve, 'GET', '/api/rooms/00000000-0000-4000-8000-000000000000/members');
      expect(hidden).toMatchObject({ status: 404, body: missing.body });
    });

    it('a third person learns nothing of two others’ conversation: not from rooms, profiles, members, presence or errors', async () => {
      const [ann, bob, eve] = [await guest(suite.server), await guest(suite.server), await guest(suite.server)];
      const { room } = (await startDirect(ann, [bob])).body;
      const eveSocket = await suite.open(eve.token);
      await suite.open(ann.token);
      const missing = '00000000-0000-4000-8000-000000000000';
      for (const [method, path, body] of [
        ['GET', '/api/rooms/:id'],
        ['GET', '/api/rooms/:id/messages'],
        ['GET', '/api/rooms/:id/members'],
        ['PATCH', '/api/direct/:id', { name: 'x' }],
        ['POST', '/api/direct/:id/people', { userIds: [eve.user.id] }],
      ] as Array<[string, string, unknown?]>) {
        const real = await call(eve, method, path.replace(':id', room.id), body);
        const none = await call(eve, method, path.replace(':id', missing), body);
        expect({ status: real.status, body: real.body }, path).toEqual({ status: none.status, body: none.body });
      }
      const join = await enter(eveSocket, room.id);
      const noRoom = await enter(eveSocket, missing);
      expect(join).toEqual(noRoom);
      expect(eventsNamed(eveSocket, 'room:presence')).toEqual([]);
      expect((await profileOf(eve, ann)).roomsInCommon).toEqual([]);
    });
  });
}
