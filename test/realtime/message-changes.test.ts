import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/contract/types.js';
import { catchUpByChange, createRoom, edit, enter, joinByCode, react, remove, reply, send, sendRaw } from '../support/chat.js';
import { api, eventsNamed, guest, waitFor, type Client } from '../support/hearth.js';
import { hearthSuite } from '../support/suite.js';

type MessageEvent = { message: Message; by?: string };
const lastEventPayload = (client: Client, event: string, id: string) =>
  eventsNamed<MessageEvent>(client, event)
    .filter((e) => e.message.id === id)
    .at(-1);
const lastEvent = (client: Client, event: string, id: string) => lastEventPayload(client, event, id)?.message;

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`changing messages (${engine})`, () => {
    const suite = hearthSuite(engine);

    it('everyone in the room sees an edit with its mark, a reaction with who made it, and a deletion', async () => {
      const [ann, bob] = [await guest(suite.server), await guest(suite.server)];
      const room = await createRoom(suite.server, ann, `changes ${engine}`);
      await joinByCode(suite.server, bob, room.code);
      const [annSocket, bobSocket] = [await suite.open(ann.token), await suite.open(bob.token)];
      const sent = await send(annSocket, room.id, 'Lunch at noon?');
      if (!sent.ok) throw new Error('send failed');
      const id = sent.message.id;

      const edited = await edit(annSocket, room.id, id, 'Lunch at **one**?');
      expect(edited).toMatchObject({
        ok: true,
        message: { text: 'Lunch at **one**?', editedAt: expect.any(String), change: sent.message.change + 1 },
      });
      await waitFor(() => lastEvent(bobSocket, 'message:updated', id), 'the edit');

      const reacted = await react(bobSocket, room.id, id, '👍');
      expect(reacted).toMatchObject({ ok: true, on: true, message: { reactions: [{ emoji: '👍', count: 1, me: true }] } });
      // The broadcast names who changed it; its `me` marks are theirs, and no one's ids travel.
      expect(await waitFor(() => lastEventPayload(annSocket, 'message:reactions', id), 'the reaction')).toEqual({
        message: expect.objectContaining({ reactions: [{ emoji: '👍', count: 1, me: true }] }),
        by: bob.user.id,
      });
      // Read back by Ann, the reaction is not hers.
      const annReads = await api<{ messages: Array<{ id: string; reactions: unknown }> }>(
        suite.server,
        'GET',
        `/api/rooms/${room.id}/messages`,
        {
          token: ann.token,
        },
      );
      expect(annReads.body.messages.find((m) => m.id === id)?.reactions).toEqual([{ emoji: '👍', count: 1, me: false }]);
      expect(await react(bobSocket, room.id, id, '👍')).toMatchObject({ ok: true, on: false, message: { reactions: [] } });

      const who = await api<{ reactions: Array<{ emoji: string; users: Array<{ username: string }> }> }>(
        suite.server,
        'GET',
        `/api/rooms/${room.id}/messages/${id}/reactions`,
        { token: ann.token },
      );
      expect(who.body.reactions).toEqual([]);
      await react(bobSocket, room.id, id, '🎉');
      const named = await api<{ reactions: Array<{ emoji: string; users: Array<{ username: string }> }> }>(
        suite.server,
        'GET',
        `/api/rooms/${room.id}/messages/${id}/reactions`,
        { token: ann.token },
      );
      expect(named.body.reactions).toEqual([{ emoji: '🎉', users: [expect.objectContaining({ username: bob.user.username })] }]);

      const deleted = await remove(annSocket, room.id, id);
      expect(deleted).toMatchObject({ ok: true, message: { text: '', deletedAt: expect.any(String) } });
      expect(await waitFor(() => lastEvent(bobSocket, 'message:deleted', id), 'the deletion')).toMatchObject({ text: '' });
      // Gone from the history too, for anyone who opens the room later.
      const page = await api<{ messages: Message[] }>(suite.server, 'GET', `/api/rooms/${room.id}/messages`, { token: bob.token });
      expect(page.body.messages.find((m) => m.id === id)).toMatchObject({ text: '', deletedAt: expect.any(String) });
    });

    it('only the author edits or deletes; an outsider, a private outsider and a member who left change nothing', async () => {
      const [ann, bob, eve] = [await guest(suite.server), await guest(suite.server), await guest(suite.server)];
      const open = await createRoom(suite.server, ann, `rules ${engine}`);
      const closed = await createRoom(suite.server, ann, `closed ${engine}`, 'private');
      await joinByCode(suite.server, bob, open.code);
      const [annSocket, bobSocket, eveSocket] = [await suite.open(ann.token), await suite.open(bob.token), await suite.open(eve.token)];
      const inOpen = await send(annSocket, open.id, 'mine');
      const inClosed = await send(annSocket, closed.id, 'private words');
      if (!inOpen.ok || !inClosed.ok) throw new Error('send failed');

      expect(await edit(bobSocket, open.id, inOpen.message.id, 'hacked')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await remove(bobSocket, open.id, inOpen.message.id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await react(eveSocket, open.id, inOpen.message.id, '👍')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const peek = await api(suite.server, 'GET', `/api/rooms/${closed.id}/messages/${inClosed.message.id}/reactions`, {
        token: eve.token,
      });
      expect(peek.status).toBe(404);
      for (const attempt of [
        edit(eveSocket, closed.id, inClosed.message.id, 'x'),
        remove(eveSocket, closed.id, inClosed.message.id),
        react(eveSocket, closed.id, inClosed.message.id, '👍'),
        // A message id from a private room, tried through a room the outsider may see.
        react(bobSocket, open.id, inClosed.message.id, '👍'),
        reply(bobSocket, open.id, inClosed.message.id, 'leaking?'),
      ]) {
        expect(await attempt).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      }

      expect(await bobSocket.socket.timeout(3000).emitWithAck('room:leave', { roomId: open.id })).toEqual({ ok: true });
      await edit(annSocket, open.id, inOpen.message.id, 'after bob left');
      await react(annSocket, open.id, inOpen.message.id, '🎉');
      expect(await react(bobSocket, open.id, inOpen.message.id, '👍')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      // A barrier on the same socket: anything for the old room would have arrived before it.
      const own = await createRoom(suite.server, bob, `bob's ${engine}`);
      await send(bobSocket, own.id, 'barrier');
      await waitFor(() => eventsNamed<MessageEvent>(bobSocket, 'message:created').some((e) => e.message.roomId === own.id), 'barrier');
      for (const event of ['message:updated', 'message:reactions', 'message:deleted']) {
        expect(eventsNamed<MessageEvent>(bobSocket, event).filter((e) => e.message.roomId === open.id)).toEqual([]);
      }
      expect(await edit(annSocket, open.id, inOpen.message.id, 'x'.repeat(4001))).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      });
      expect(await sendRaw(annSocket, 'message:react', { roomId: open.id, messageId: inOpen.message.id, emoji: 'lol' })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      });
    });

    it('a reply quotes the original as it is now, and a deleted original shows as deleted', async () => {
      const [ann, bob] = [await guest(suite.server), await guest(suite.server)];
      const room = await createRoom(suite.server, ann, `replies ${engine}`);
      await joinByCode(suite.server, bob, room.code);
      const [annSocket, bobSocket] = [await suite.open(ann.token), await suite.open(bob.token)];
      const original = await send(annSocket, room.id, 'Who brings the cake?');
      if (!original.ok) throw new Error('send failed');
      const answer = await reply(bobSocket, room.id, original.message.id, 'I do');
      expect(answer).toMatchObject({
        ok: true,
        message: {
          replyTo: {
            id: original.message.id,
            seq: original.message.seq,
            author: { id: ann.user.id },
            excerpt: 'Who brings the cake?',
            deleted: false,
          },
        },
      });
      await remove(annSocket, room.id, original.message.id);
      const entry = await enter(bobSocket, room.id);
      const shown = entry.ok ? entry.messages.find((m) => m.text === 'I do') : undefined;
      expect(shown?.replyTo).toMatchObject({ excerpt: '', deleted: true });
      expect(await reply(bobSocket, room.id, original.message.id, 'too late')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it('a client that was away catches up with every edit, deletion, reaction and reply, and ends with exactly the server state', async () => {
      const [ann, bob, carol] = [await guest(suite.server), await guest(suite.server), await guest(suite.server)];
      const room = await createRoom(suite.server, ann, `catch-up ${engine}`);
      await joinByCode(suite.server, bob, room.code);
      await joinByCode(suite.server, carol, room.code);
      const [annSocket, bobSocket, carolSocket] = [await suite.open(ann.token), await suite.open(bob.token), await suite.open(carol.token)];
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const sent = await send(i % 2 ? bobSocket : annSocket, room.id, `message ${i}`);
        if (sent.ok) ids.push(sent.message.id);
      }
      // Carol's own reaction, which others' reactions while she is away must leave marked as hers.
      await react(carolSocket, room.id, ids[2]!, '🎉');
      const before = await enter(carolSocket, room.id);
      if (!before.ok) throw new Error('enter failed');
      carolSocket.socket.disconnect();

      await edit(annSocket, room.id, ids[0]!, 'message 0, corrected');
      await edit(annSocket, room.id, ids[0]!, 'message 0, corrected twice');
      await remove(bobSocket, room.id, ids[1]!);
      await react(bobSocket, room.id, ids[2]!, '🎉');
      await react(annSocket, room.id, ids[2]!, '🎉');
      await react(annSocket, room.id, ids[4]!, '👀');
      await react(annSocket, room.id, ids[4]!, '👀');
      await reply(bobSocket, room.id, ids[2]!, 'answering 2');
      for (let i = 0; i < 30; i++) await react(i % 2 ? annSocket : bobSocket, room.id, ids[5]!, i % 3 ? '👍' : '🔥');
      // Enough changed messages to need more than one page (100) of catch-up.
      for (let i = 0; i < 110; i++) await send(bobSocket, room.id, `while carol was away ${i}`);
      await edit(annSocket, room.id, ids[3]!, 'message 3, at the very end');

      carolSocket.socket.connect();
      await waitFor(() => carolSocket.socket.connected, 'reconnected');
      const caught = await catchUpByChange(carolSocket, room.id, before.messages, before.room.lastChange);

      // The server's state as Carol reads it (her own reactions marked).
      const truth = await api<{ messages: Message[] }>(suite.server, 'GET', `/api/rooms/${room.id}/messages?after=0&limit=100`, {
        token: carol.token,
      });
      const rest = await api<{ messages: Message[] }>(suite.server, 'GET', `/api/rooms/${room.id}/messages?after=100&limit=100`, {
        token: carol.token,
      });
      const everything = [...truth.body.messages, ...rest.body.messages];
      expect(everything).toHaveLength(117);
      expect(caught.messages).toEqual(everything);
      const room2 = await enter(annSocket, room.id);
      if (!room2.ok) throw new Error('enter failed');
      expect(caught.lastChange).toBe(room2.room.lastChange);
      expect(caught.messages.find((m) => m.id === ids[1])).toMatchObject({ text: '', deletedAt: expect.any(String) });
      expect(caught.messages.find((m) => m.id === ids[2])?.reactions).toEqual([{ emoji: '🎉', count: 3, me: true }]);
    });
  });
}
