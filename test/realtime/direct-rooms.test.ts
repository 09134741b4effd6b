import { describe, expect, it } from 'vitest';
import type { Room } from '../../src/contract/types.js';
import { send } from '../support/chat.js';
import { api, eventsNamed, guest, waitFor, type Guest } from '../support/hearth.js';
import { hearthSuite } from '../support/suite.js';
import { authorizationMatrix } from '../support/authorization-matrix.js';

const startDirect = (server: { url: string }, who: Guest, userIds: string[]) =>
  api<{ room: Room; created: boolean; error?: { code: string } }>(server, 'POST', '/api/direct', { token: who.token, body: { userIds } });

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`direct conversations (${engine})`, () => {
    const suite = hearthSuite(engine);

    it('the same people always land in the same conversation, even when they start it at once', async () => {
      const [ann, bob, carol] = [await guest(suite.server), await guest(suite.server), await guest(suite.server)];
      const first = await startDirect(suite.server, ann, [bob.user.id]);
      expect(first.status).toBe(201);
      expect(first.body.room).toMatchObject({ kind: 'direct', visibility: 'private', code: '', memberCount: 2, name: '' });
      expect(first.body.room.participants?.map((p) => p.id).sort()).toEqual([ann.user.id, bob.user.id].sort());
      const again = await startDirect(suite.server, bob, [ann.user.id, ann.user.id]);
      expect(again).toMatchObject({ status: 200, body: { created: false, room: { id: first.body.room.id } } });

      const racing = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          startDirect(
            suite.server,
            [ann, bob, carol][i % 3]!,
            [ann, bob, carol].map((g) => g.user.id),
          ),
        ),
      );
      expect(new Set(racing.map((r) => r.body.room.id)).size).toBe(1);
      expect(racing.filter((r) => r.status === 201)).toHaveLength(1);
      expect(racing[0]!.body.room.memberCount).toBe(3);
    });

    it('a new conversation reaches the other person live; they talk; others see nothing of it', async () => {
      const [ann, bob, eve] = [await guest(suite.server), await guest(suite.server), await guest(suite.server)];
      const [annSocket, bobSocket, eveSocket] = [await suite.open(ann.token), await suite.open(bob.token), await suite.open(eve.token)];
      const { room } = (await startDirect(suite.server, ann, [bob.user.id])).body;
      const added = await waitFor(
        () => eventsNamed<{ room: Room }>(bobSocket, 'room:added').find((e) => e.room.id === room.id),
        'room:added',
      );
      expect(added.room.participants?.map((p) => p.username).sort()).toEqual([ann.user.username, bob.user.username].sort());
      const sent = await send(annSocket, room.id, 'just between us');
      expect(sent.ok).toBe(true);
      await waitFor(
        () => eventsNamed<{ message: { text: string } }>(bobSocket, 'message:created').some((e) => e.message.text === 'just between us'),
        'delivered',
      );
      // Eve: no event, not in her lists, and every way in answers as for a room that does not exist.
      expect(eventsNamed(eveSocket, 'room:added')).toEqual([]);
      expect(eventsNamed(eveSocket, 'message:created')).toEqual([]);
      const eveRooms = await api<{ rooms: Room[] }>(suite.server, 'GET', '/api/rooms', { token: eve.token });
      expect(eveRooms.body.rooms.some((r) => r.id === room.id)).toBe(false);
      const bobRooms = await api<{ rooms: Room[]; memberOf: string[] }>(suite.server, 'GET', '/api/rooms', { token: bob.token });
      expect(bobRooms.body.memberOf).toContain(room.id);
      expect(bobRooms.body.rooms.find((r) => r.id === room.id)?.participants).toHaveLength(2);
      const missing = await api(suite.server, 'GET', '/api/rooms/00000000-0000-4000-8000-000000000000', { token: eve.token });
      const hidden = await api(suite.server, 'GET', `/api/rooms/${room.id}`, { token: eve.token });
      expect(hidden).toMatchObject({ status: missing.status, body: missing.body });
    });

    it('refusals are explicit: oneself only, unknown people, too many, a one-to-one cannot be left, no code to change', async () => {
      const [ann, bob] = [await guest(suite.server), await guest(suite.server)];
      expect((await startDirect(suite.server, ann, [ann.user.id])).body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
      expect((await startDirect(suite.server, ann, ['nobody-here'])).body).toMatchObject({ error: { code: 'NOT_FOUND' } });
      expect(
        (
          await startDirect(
            suite.server,
            ann,
            Array.from({ length: 9 }, (_, i) => `u${i}`),
          )
        ).status,
      ).toBe(400);
      expect((await api(suite.server, 'POST', '/api/direct', { token: ann.token, body: { userIds: 'bob' } })).status).toBe(400);
      expect((await api(suite.server, 'POST', '/api/direct', { body: { userIds: [bob.user.id] } })).status).toBe(401);
      const { room } = (await startDirect(suite.server, ann, [bob.user.id])).body;
      const annSocket = await suite.open(ann.token);
      expect(await annSocket.socket.timeout(3000).emitWithAck('room:leave', { roomId: room.id })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      });
      expect((await api(suite.server, 'POST', `/api/rooms/${room.id}/code`, { token: ann.token })).status).toBe(400);
    });

    it('people search finds names by their start, and nothing private', async () => {
      const ann = await guest(suite.server, `Zelda${engine}${process.pid}`);
      const found = await api<{ people: Array<Record<string, unknown>> }>(suite.server, 'GET', `/api/people?q=zelda${engine}`, {
        token: ann.token,
      });
      expect(found.body.people.map((p) => p.username)).toContain(ann.user.username);
      expect(Object.keys(found.body.people[0]!).sort()).toEqual(['createdAt', 'id', 'kind', 'username']);
      expect((await api(suite.server, 'GET', '/api/people?q=%25', { token: ann.token })).body).toEqual({ people: [] });
      expect((await api(suite.server, 'GET', '/api/people?q=', { token: ann.token })).status).toBe(400);
      expect((await api(suite.server, 'GET', '/api/people?q=a')).status).toBe(401);
    });

    authorizationMatrix(() => ({ setUpOn: suite.server, actOn: suite.server, open: (_server, token) => suite.open(token) }), engine);
  });
}
