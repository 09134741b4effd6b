import { describe, expect, it } from 'vitest';
import type { MemberEvent, PresenceEvent } from '../../src/contract/events.js';
import type { Message } from '../../src/contract/types.js';
import { createRoom, enter, joinByCode, send } from '../support/chat.js';
import { api, eventsNamed, guest, waitFor } from '../support/hearth.js';
import { hearthSuite } from '../support/suite.js';

const suite = hearthSuite();
const open = (token: string) => suite.open(token);

describe('entering and leaving', () => {
  it('announces a new member with the new member count, to the room and the newcomer', async () => {
    const ann = await guest(suite.server);
    const bob = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'lobby one');
    const annSocket = await open(ann.token);
    const bobSocket = await open(bob.token);
    const entry = await enter(bobSocket, room.id);
    expect(entry.ok && entry.room.memberCount).toBe(2);
    const expected = { roomId: room.id, user: bob.user, memberCount: 2 };
    await waitFor(() => eventsNamed<MemberEvent>(annSocket, 'room:member_joined').length === 1, 'member_joined');
    expect(eventsNamed<MemberEvent>(annSocket, 'room:member_joined')).toEqual([expected]);
    await waitFor(() => eventsNamed<MemberEvent>(bobSocket, 'room:member_joined').length === 1, 'own notice');
  });

  it('joining a room twice changes nothing and announces nothing', async () => {
    const ann = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'twice');
    const annSocket = await open(ann.token);
    await enter(annSocket, room.id);
    const again = await enter(annSocket, room.id);
    expect(again.ok && again.room.memberCount).toBe(1);
    expect(eventsNamed(annSocket, 'room:member_joined')).toEqual([]);
  });

  it('after leaving, every socket of the leaver stops receiving the room and the others hear of it', async () => {
    const ann = await guest(suite.server);
    const bob = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'leavers');
    await joinByCode(suite.server, bob, room.code);
    const annSocket = await open(ann.token);
    const bobTab1 = await open(bob.token);
    const bobTab2 = await open(bob.token);

    expect(await bobTab1.socket.timeout(3000).emitWithAck('room:leave', { roomId: room.id })).toEqual({ ok: true });
    await waitFor(() => eventsNamed<MemberEvent>(annSocket, 'room:member_left').length === 1, 'member_left');
    expect(eventsNamed<MemberEvent>(annSocket, 'room:member_left')[0]).toEqual({ roomId: room.id, user: bob.user, memberCount: 1 });
    await waitFor(() => eventsNamed(bobTab2, 'room:member_left').length === 1, 'other tab told');

    await send(annSocket, room.id, 'bob is gone');
    const otherRoom = await createRoom(suite.server, bob, 'bob alone');
    await send(bobTab1, otherRoom.id, 'barrier');
    for (const tab of [bobTab1, bobTab2]) {
      await waitFor(
        () => eventsNamed<{ message: Message }>(tab, 'message:created').some((e) => e.message.roomId === otherRoom.id),
        'barrier',
      );
      expect(eventsNamed<{ message: Message }>(tab, 'message:created').filter((e) => e.message.roomId === room.id)).toEqual([]);
    }
    const write = await send(bobTab1, room.id, 'still here?');
    expect(write).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const rooms = await api<{ rooms: Array<{ id: string; memberCount: number }> }>(suite.server, 'GET', '/api/rooms', { token: ann.token });
    expect(rooms.body.rooms.find((r) => r.id === room.id)?.memberCount).toBe(1);
  });

  it('a member who left a private room can no longer see it', async () => {
    const ann = await guest(suite.server);
    const bob = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'closed circle', 'private');
    await joinByCode(suite.server, bob, room.code);
    const bobSocket = await open(bob.token);
    await bobSocket.socket.timeout(3000).emitWithAck('room:leave', { roomId: room.id });
    expect(await enter(bobSocket, room.id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await api(suite.server, 'GET', `/api/rooms/${room.id}/messages`, { token: bob.token })).status).toBe(404);
  });
});

describe('presence', () => {
  it('a user with two sockets goes online once and offline only when the last one closes', async () => {
    const ann = await guest(suite.server);
    const bob = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'presence');
    await joinByCode(suite.server, bob, room.code);
    const annSocket = await open(ann.token);
    const presenceOfBob = () => eventsNamed<PresenceEvent>(annSocket, 'room:presence').filter((e) => e.user.id === bob.user.id);

    const bobPhone = await open(bob.token);
    const bobLaptop = await open(bob.token);
    await waitFor(() => presenceOfBob().length === 1, 'online');
    const entry = await enter(annSocket, room.id);
    expect(entry.ok && entry.online.map((u) => u.id).sort()).toEqual([ann.user.id, bob.user.id].sort());

    const phoneId = bobPhone.socket.id;
    bobPhone.close();
    await waitFor(() => !suite.server.io.sockets.sockets.has(phoneId ?? ''), 'server saw the phone go');
    // Barrier: a message sent after the server saw the close proves no offline event came before it.
    await send(annSocket, room.id, 'barrier');
    await waitFor(() => eventsNamed(annSocket, 'message:created').length === 1, 'barrier');
    expect(presenceOfBob().map((e) => e.online)).toEqual([true]);

    bobLaptop.close();
    await waitFor(() => presenceOfBob().length === 2, 'offline');
    expect(presenceOfBob()[1]).toEqual({ roomId: room.id, user: bob.user, online: false });
  });
});
