import { describe, expect, it } from 'vitest';
import type { Attention, Message, Room } from '../../src/contract/types.js';
import type { CommandAck } from '../../src/contract/commands.js';
import { createRoom, edit, enter, joinByCode, remove, send, sendRaw } from '../support/chat.js';
import { api, connect, eventsNamed, guest, startHearth, waitFor, type Client, type Guest } from '../support/hearth.js';
import { hearthSuite } from '../support/suite.js';

type Answer<T> = T & { error?: { code: string; message: string } };

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`attention: mentions, read state, levels and typing (${engine})`, () => {
    const suite = hearthSuite(engine);
    let rooms = 0;
    const call = <T = Record<string, never>>(who: Guest | null, method: string, path: string, body?: unknown) =>
      api<Answer<T>>(suite.server, method, path, { ...(who ? { token: who.token } : {}), ...(body !== undefined ? { body } : {}) });
    const read = (client: Client, roomId: string, seq: number) =>
      client.socket.timeout(5000).emitWithAck('room:read', { roomId, seq }) as Promise<CommandAck<'room:read'>>;
    const attentionIn = async (who: Guest, roomId: string) =>
      (await call<{ attention: Attention[] }>(who, 'GET', '/api/rooms')).body.attention.find((a) => a.roomId === roomId);
    const sent = async (client: Client, roomId: string, text: string): Promise<Message> => {
      const ack = await send(client, roomId, text);
      if (!ack.ok) throw new Error(`send: ${ack.error.message}`);
      return ack.message;
    };

    /** Ann's room with Bob in it, both connected; Eve is a stranger. */
    async function threePeople(visibility: 'public' | 'private' = 'private') {
      const [ann, bob, eve] = [await guest(suite.server), await guest(suite.server), await guest(suite.server)];
      const room = await createRoom(suite.server, ann, `Attic ${engine} ${process.pid} ${++rooms}`, visibility);
      await joinByCode(suite.server, bob, room.code);
      const [annSocket, bobSocket] = [await suite.open(ann.token), await suite.open(bob.token)];
      return { ann, bob, eve, room, annSocket, bobSocket };
    }

    it('a mention is resolved against the members when stored: by name, in brackets, @room; a stranger stays text', async () => {
      const { ann, bob, eve, room, annSocket, bobSocket } = await threePeople();
      const message = await sent(
        annSocket,
        room.id,
        `hi @${bob.user.username}, @[${ann.user.username}] and @${eve.user.username} \`@room\``,
      );
      expect(message.mentions).toEqual([
        { kind: 'user', id: bob.user.id, username: bob.user.username },
        { kind: 'user', id: ann.user.id, username: ann.user.username },
      ]);
      const live = await waitFor(
        () => eventsNamed<{ message: Message }>(bobSocket, 'message:created').find((e) => e.message.id === message.id),
        'Bob hears it',
      );
      expect(live.message.mentions).toEqual(message.mentions);
      const everyone = await sent(annSocket, room.id, 'lunch @room!');
      expect(everyone.mentions).toEqual([{ kind: 'room' }]);
      // Read back later, the mentions are as stored.
      const history = await call<{ messages: Message[] }>(bob, 'GET', `/api/rooms/${room.id}/messages`);
      expect(history.body.messages.map((m) => m.mentions)).toEqual([message.mentions, everyone.mentions]);
      // Bob: two unread, both call him. Ann: her own messages are neither unread nor mentions.
      expect(await attentionIn(bob, room.id)).toEqual({
        roomId: room.id,
        readSeq: 0,
        unread: 2,
        mentions: 2,
        level: 'all',
        levelChosen: false,
        muted: false,
      });
      expect(await attentionIn(ann, room.id)).toMatchObject({ unread: 0, mentions: 0 });
    });

    it('reading on one device tells every device of the person, and the room:join answer carries the counts', async () => {
      const { bob, room, annSocket, bobSocket } = await threePeople();
      const phone = await suite.open(bob.token);
      const one = await sent(annSocket, room.id, `@${bob.user.username} look`);
      await sent(annSocket, room.id, 'and this');
      const joined = await enter(bobSocket, room.id);
      expect(joined.ok && joined.attention).toMatchObject({ readSeq: 0, unread: 2, mentions: 1 });
      const answer = await read(phone, room.id, one.seq);
      expect(answer.ok && answer.attention).toMatchObject({ readSeq: one.seq, unread: 1, mentions: 0 });
      const told = await waitFor(
        () => eventsNamed<{ attention: Attention }>(bobSocket, 'room:attention').find((e) => e.attention.readSeq === one.seq),
        'the laptop hears the phone read',
      );
      expect(told.attention).toMatchObject({ roomId: room.id, unread: 1, mentions: 0 });
      // Ann's sockets learn nothing of Bob's reading.
      expect(eventsNamed(annSocket, 'room:attention')).toEqual([]);
      // Never backwards, never past the end.
      expect(await read(phone, room.id, 0)).toMatchObject({ ok: true, attention: { readSeq: one.seq } });
      expect(await read(phone, room.id, 10_000)).toMatchObject({ ok: true, attention: { readSeq: one.seq + 1, unread: 0 } });
    });

    it('an edit that adds a mention counts it; deleting the message takes it away', async () => {
      const { bob, room, annSocket } = await threePeople();
      const plain = await sent(annSocket, room.id, 'hello');
      expect(await attentionIn(bob, room.id)).toMatchObject({ unread: 1, mentions: 0 });
      const edited = await edit(annSocket, room.id, plain.id, `hello @${bob.user.username}`);
      expect(edited.ok && edited.message.mentions).toEqual([{ kind: 'user', id: bob.user.id, username: bob.user.username }]);
      expect(await attentionIn(bob, room.id)).toMatchObject({ unread: 1, mentions: 1 });
      await remove(annSocket, room.id, plain.id);
      expect(await attentionIn(bob, room.id)).toMatchObject({ unread: 0, mentions: 0 });
    });

    it('every message of a direct conversation calls its people', async () => {
      const [ann, bob] = [await guest(suite.server), await guest(suite.server)];
      const started = await call<{ room: Room }>(ann, 'POST', '/api/direct', { userIds: [bob.user.id] });
      const annSocket = await suite.open(ann.token);
      await sent(annSocket, started.body.room.id, 'psst');
      await sent(annSocket, started.body.room.id, 'are you there');
      expect(await attentionIn(bob, started.body.room.id)).toMatchObject({ unread: 2, mentions: 2 });
    });

    it('an owner can keep @room and @here for owners; a member is then refused with a clear error', async () => {
      const { ann, bob, eve, room, annSocket, bobSocket } = await threePeople();
      expect((await call(bob, 'PATCH', `/api/rooms/${room.id}/settings`, { mentionPolicy: 'owners' })).status).toBe(403);
      expect((await call(eve, 'PATCH', `/api/rooms/${room.id}/settings`, { mentionPolicy: 'owners' })).status).toBe(404);
      expect((await call(ann, 'PATCH', `/api/rooms/${room.id}/settings`, { mentionPolicy: 'nobody' })).status).toBe(400);
      const changed = await call<{ room: Room }>(ann, 'PATCH', `/api/rooms/${room.id}/settings`, { mentionPolicy: 'owners' });
      expect(changed.body.room.mentionPolicy).toBe('owners');
      await waitFor(
        () => eventsNamed<{ room: Room }>(bobSocket, 'room:updated').find((e) => e.room.mentionPolicy === 'owners'),
        'members hear',
      );
      const refused = await send(bobSocket, room.id, 'hey @here');
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('owners') } });
      expect(await sent(bobSocket, room.id, `hey @${ann.user.username}`)).toMatchObject({ mentions: [{ kind: 'user' }] });
      expect((await sent(annSocket, room.id, 'all of you @here')).mentions).toEqual([{ kind: 'here' }]);
      // @here called those online: Bob is, so he counts it.
      expect(await attentionIn(bob, room.id)).toMatchObject({ mentions: 1 });
    });

    it('levels and mute: chosen per room, told to one’s devices; a stranger or a leaver has none to set', async () => {
      const { bob, eve, room, bobSocket } = await threePeople();
      const set = await call<{ attention: Attention }>(bob, 'PUT', `/api/rooms/${room.id}/notifications`, {
        level: 'mentions',
        muted: true,
      });
      expect(set.body.attention).toMatchObject({ level: 'mentions', levelChosen: true, muted: true });
      await waitFor(
        () => eventsNamed<{ attention: Attention }>(bobSocket, 'room:attention').find((e) => e.attention.muted),
        'devices hear',
      );
      const back = await call<{ attention: Attention }>(bob, 'PUT', `/api/rooms/${room.id}/notifications`, { level: 'default' });
      expect(back.body.attention).toMatchObject({ level: 'all', levelChosen: false, muted: true });
      for (const bad of [{ level: 'loud' }, { muted: 'yes' }, [], 'x', { level: 'all', extra: 1 }]) {
        expect((await call(bob, 'PUT', `/api/rooms/${room.id}/notifications`, bad)).status, JSON.stringify(bad)).toBe(400);
      }
      expect((await call(eve, 'PUT', `/api/rooms/${room.id}/notifications`, { level: 'all' })).status).toBe(404);
      expect((await call(null, 'PUT', `/api/rooms/${room.id}/notifications`, { level: 'all' })).status).toBe(401);
      expect(await bobSocket.socket.timeout(5000).emitWithAck('room:leave', { roomId: room.id })).toMatchObject({ ok: true });
      expect((await call(bob, 'PUT', `/api/rooms/${room.id}/notifications`, { level: 'all' })).status).toBe(404);
      expect(await read(bobSocket, room.id, 1)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it('typing reaches the room’s other members, volatile and unstored; strangers can neither send nor hear it', async () => {
      const { ann, eve, room, annSocket, bobSocket } = await threePeople('public');
      const eveSocket = await suite.open(eve.token);
      expect(await sendRaw(annSocket, 'room:typing', { roomId: room.id })).toEqual({ ok: true });
      const heard = await waitFor(
        () => eventsNamed<{ roomId: string; user: { id: string } }>(bobSocket, 'room:typing')[0],
        'Bob sees Ann typing',
      );
      expect(heard).toMatchObject({ roomId: room.id, user: { id: ann.user.id } });
      // Eve has not joined the public room: she may not announce typing there, nor hear it.
      expect(await sendRaw(eveSocket, 'room:typing', { roomId: room.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(eventsNamed(eveSocket, 'room:typing')).toEqual([]);
      expect(eventsNamed(bobSocket, 'room:typing')).toHaveLength(1);
      // Nothing was stored.
      expect((await call<{ messages: Message[] }>(ann, 'GET', `/api/rooms/${room.id}/messages`)).body.messages).toEqual([]);
    });

    it('malformed read marks and typing get a clear error and change nothing', async () => {
      const { bob, room, bobSocket, annSocket } = await threePeople();
      await sent(annSocket, room.id, 'one');
      for (const bad of [
        {},
        { roomId: room.id },
        { roomId: room.id, seq: -1 },
        { roomId: room.id, seq: 1.5 },
        { roomId: room.id, seq: '1' },
        'x',
        null,
      ]) {
        expect(await sendRaw(bobSocket, 'room:read', bad), JSON.stringify(bad)).toMatchObject({
          ok: false,
          error: { code: 'BAD_REQUEST' },
        });
      }
      for (const bad of [{}, { roomId: 7 }, { roomId: 'x'.repeat(65) }]) {
        expect(await sendRaw(bobSocket, 'room:typing', bad), JSON.stringify(bad)).toMatchObject({
          ok: false,
          error: { code: 'BAD_REQUEST' },
        });
      }
      expect(await read(bobSocket, 'no-such-room', 1)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await attentionIn(bob, room.id)).toMatchObject({ readSeq: 0, unread: 1 });
    });
  });
}

describe('attention: rate limits', () => {
  it('typing and read marks are counted per person, whichever socket sends them', async () => {
    const server = await startHearth({ rateLimits: true });
    try {
      const [ann, bob] = [await guest(server), await guest(server)];
      const room = await createRoom(server, ann, `Limits ${process.pid}`);
      await joinByCode(server, bob, room.code);
      const [laptop, phone] = [await connect(server, bob.token), await connect(server, bob.token)];
      const typing = await Promise.all(
        Array.from({ length: 70 }, (_, i) => sendRaw(i % 2 ? laptop : phone, 'room:typing', { roomId: room.id })),
      );
      expect(typing.filter((a) => (a as { ok: boolean }).ok)).toHaveLength(60);
      expect(typing.find((a) => !(a as { ok: boolean }).ok)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
      const reads = await Promise.all(Array.from({ length: 130 }, () => sendRaw(laptop, 'room:read', { roomId: room.id, seq: 0 })));
      expect(reads.filter((a) => (a as { ok: boolean }).ok)).toHaveLength(120);
      laptop.close();
      phone.close();
    } finally {
      await server.stop();
    }
  });
});
