import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/contract/types.js';
import { createRoom, joinByCode, send } from '../support/chat.js';
import { connect, eventsNamed, guest, startHearth, waitFor, type Client, type TestEngine, type TestServer } from '../support/hearth.js';
import { postgresUnavailable } from '../support/postgres.js';

const skipPostgres = (await postgresUnavailable()) !== undefined;
const seqsSeenBy = (client: Client, roomId: string) =>
  eventsNamed<{ message: Message }>(client, 'message:created')
    .filter((e) => e.message.roomId === roomId)
    .map((e) => e.message.seq);

const engines: TestEngine[] = ['sqlite', 'postgres'];
for (const engine of engines)
  describe.skipIf(engine === 'postgres' && skipPostgres)(`ordering and idempotency on ${engine}`, () => {
    let server: TestServer;
    const clients: Client[] = [];
    beforeAll(async () => {
      server = await startHearth({}, {}, engine);
    });
    afterAll(async () => {
      for (const client of clients) client.close();
      await server?.stop();
    });

    it('concurrent senders get one contiguous seq order, seen in that same order by every member', async () => {
      const people = await Promise.all(Array.from({ length: 6 }, () => guest(server)));
      const [owner, ...others] = people;
      const room = await createRoom(server, owner!, 'busy room');
      for (const person of others) await joinByCode(server, person, room.code);
      const sockets = await Promise.all(people.map((p) => connect(server, p.token)));
      clients.push(...sockets);

      const perSender = 25;
      const acks = await Promise.all(
        sockets.flatMap((socket, s) => Array.from({ length: perSender }, (_, i) => send(socket, room.id, `s${s} #${i}`))),
      );
      const total = sockets.length * perSender;
      const seqs = acks.map((ack) => (ack.ok ? ack.message.seq : -1)).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));

      for (const socket of sockets) {
        await waitFor(() => seqsSeenBy(socket, room.id).length === total, 'all deliveries');
        expect(seqsSeenBy(socket, room.id)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      }
    });

    it('a resend with the same clientId returns the original message and is not stored or delivered twice', async () => {
      const ann = await guest(server);
      const bob = await guest(server);
      const room = await createRoom(server, ann, 'resend');
      await joinByCode(server, bob, room.code);
      const annSocket = await connect(server, ann.token);
      const bobSocket = await connect(server, bob.token);
      clients.push(annSocket, bobSocket);

      const [first, again] = await Promise.all([send(annSocket, room.id, 'once', 'same-id'), send(annSocket, room.id, 'once', 'same-id')]);
      const third = await send(annSocket, room.id, 'once', 'same-id');
      expect(first.ok && again.ok && third.ok).toBe(true);
      if (!first.ok || !again.ok || !third.ok) return;
      expect(again.message).toEqual(first.message);
      expect(third.message).toEqual(first.message);

      const barrier = await send(annSocket, room.id, 'barrier');
      await waitFor(() => seqsSeenBy(bobSocket, room.id).includes(barrier.ok ? barrier.message.seq : -1), 'barrier');
      expect(seqsSeenBy(bobSocket, room.id)).toEqual([1, 2]);
    });
  });
