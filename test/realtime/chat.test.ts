import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/contract/types.js';
import { createRoom, enter, joinByCode, send } from '../support/chat.js';
import { eventsNamed, guest, waitFor, type Client } from '../support/hearth.js';
import { hearthSuite } from '../support/suite.js';

const suite = hearthSuite();
const open = (token: string) => suite.open(token);
const deliveredIn = (client: Client, roomId: string) =>
  eventsNamed<{ message: Message }>(client, 'message:created')
    .filter((e) => e.message.roomId === roomId)
    .map((e) => e.message);

describe('two people chatting', () => {
  it('delivers a message to both members, the sender included, after a durable ack', async () => {
    const ann = await guest(suite.server, 'Ann');
    const bob = await guest(suite.server, 'Bob');
    const room = await createRoom(suite.server, ann, 'kitchen');
    await joinByCode(suite.server, bob, room.code);
    const annSocket = await open(ann.token);
    const bobSocket = await open(bob.token);

    const ack = await send(annSocket, room.id, 'hello bob', 'first');
    expect(ack).toMatchObject({
      ok: true,
      message: { seq: 1, text: 'hello bob', clientId: 'first', author: { id: ann.user.id, username: 'Ann' } },
    });
    for (const client of [annSocket, bobSocket]) {
      await waitFor(() => deliveredIn(client, room.id).length === 1, 'delivery');
      expect(deliveredIn(client, room.id)[0]).toEqual(ack.ok && ack.message);
    }

    const reply = await send(bobSocket, room.id, 'hi ann');
    expect(reply.ok && reply.message.seq).toBe(2);
    await waitFor(() => deliveredIn(annSocket, room.id).length === 2, 'reply');
  });

  it('room:join returns the room, who is online and the newest page, oldest first', async () => {
    const ann = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'history room');
    const sock = await open(ann.token);
    for (let i = 1; i <= 60; i++) await send(sock, room.id, `m${i}`);
    const entry = await enter(sock, room.id);
    if (!entry.ok) throw new Error(JSON.stringify(entry));
    expect(entry.room).toMatchObject({ id: room.id, lastSeq: 60, memberCount: 1 });
    expect(entry.online.map((u) => u.id)).toEqual([ann.user.id]);
    expect(entry.messages.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 11));
    expect(entry.hasMore).toBe(true);
  });

  it('room:join with afterSeq returns exactly the missed messages, so a client catches up', async () => {
    const ann = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'catch up');
    const sock = await open(ann.token);
    for (let i = 1; i <= 5; i++) await send(sock, room.id, `m${i}`);
    const entry = await enter(sock, room.id, 3);
    expect(entry.ok && entry.messages.map((m) => m.seq)).toEqual([4, 5]);
    expect(entry.ok && entry.hasMore).toBe(false);
  });

  it('keeps the text exactly as written, markup included, and trims only trailing space', async () => {
    const ann = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'markup');
    const sock = await open(ann.token);
    const ack = await send(sock, room.id, '  <b>bold</b> & <img src=x onerror=alert(1)>\n\t ');
    expect(ack.ok && ack.message.text).toBe('  <b>bold</b> & <img src=x onerror=alert(1)>');
  });
});

describe('clientIds', () => {
  it('the same clientId sent to another room stores a new message there, not the first room’s ack', async () => {
    const ann = await guest(suite.server);
    const [north, south] = [await createRoom(suite.server, ann, 'north wing'), await createRoom(suite.server, ann, 'south wing')];
    const sock = await open(ann.token);
    const first = await send(sock, north.id, 'to the north', 'reused');
    const second = await send(sock, south.id, 'to the south', 'reused');
    expect(first.ok && first.message.roomId).toBe(north.id);
    expect(second).toMatchObject({ ok: true, message: { roomId: south.id, text: 'to the south', seq: 1 } });
    await waitFor(() => deliveredIn(sock, south.id).length === 1, 'the south delivery');
    const again = await send(sock, south.id, 'resent', 'reused');
    expect(again.ok && again.message).toEqual(second.ok && second.message);
  });
});

describe('who receives what', () => {
  it('a non-member receives nothing from a room, not even its membership or presence events', async () => {
    const ann = await guest(suite.server);
    const eve = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'secret plans', 'private');
    const eveRoom = await createRoom(suite.server, eve, 'eve only');
    const eveSocket = await open(eve.token);
    const annSocket = await open(ann.token);
    await send(annSocket, room.id, 'not for eve');
    const bob = await guest(suite.server);
    await joinByCode(suite.server, bob, room.code);
    // Barrier: a message in Eve's own room arrives after anything the first room could have sent her.
    await send(eveSocket, eveRoom.id, 'barrier');
    await waitFor(() => deliveredIn(eveSocket, eveRoom.id).length === 1, 'barrier');
    const leaked = eveSocket.events.filter((e) => JSON.stringify(e.data).includes(room.id));
    expect(leaked).toEqual([]);
  });

  it('a membership begun by code reaches the sockets the member already has open', async () => {
    const ann = await guest(suite.server);
    const bob = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'late joiner');
    const bobSocket = await open(bob.token);
    await joinByCode(suite.server, bob, room.code);
    const annSocket = await open(ann.token);
    await send(annSocket, room.id, 'welcome');
    await waitFor(() => deliveredIn(bobSocket, room.id).length === 1, 'delivery to the new member');
  });

  it('a private room the caller may not see answers NOT_FOUND, exactly like a missing room', async () => {
    const ann = await guest(suite.server);
    const eve = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'hidden', 'private');
    const eveSocket = await open(eve.token);
    const hidden = await enter(eveSocket, room.id);
    const missing = await enter(eveSocket, 'no-such-room');
    expect(hidden).toEqual(missing);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const write = await send(eveSocket, room.id, 'let me in');
    expect(write).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
