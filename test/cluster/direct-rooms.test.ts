import { describe, expect, it } from 'vitest';
import type { Room } from '../../src/contract/types.js';
import { send } from '../support/chat.js';
import { authorizationMatrix } from '../support/authorization-matrix.js';
import { clusterSuite, clusterUnavailable } from '../support/cluster.js';
import { api, eventsNamed, guest, waitFor } from '../support/hearth.js';

const skip = (await clusterUnavailable()) !== undefined;

/*
 * Direct conversations across two processes: the room is set up through one, its people and an
 * outsider act through the other, and Redis carries the new conversation to the other's sockets.
 */
describe.skipIf(skip)('direct conversations on two processes', () => {
  const suite = clusterSuite('direct-rooms');

  it('a conversation started on one process reaches its people on the other live; a block made on one holds on the other', async () => {
    const [a, b] = [suite.nodes[0]!, suite.nodes[1]!];
    const [ann, bob, eve] = [await guest(a), await guest(a), await guest(a)];
    const [bobSocket, eveSocket] = [await suite.open(b, bob.token), await suite.open(b, eve.token)];
    const started = await api<{ room: Room }>(a, 'POST', '/api/direct', { token: ann.token, body: { userIds: [bob.user.id] } });
    const { room } = started.body;
    await waitFor(() => eventsNamed<{ room: Room }>(bobSocket, 'room:added').some((e) => e.room.id === room.id), 'room:added on b');
    const annSocket = await suite.open(a, ann.token);
    expect((await send(bobSocket, room.id, 'hello from b')).ok).toBe(true);
    await waitFor(
      () => eventsNamed<{ message: { text: string } }>(annSocket, 'message:created').some((e) => e.message.text === 'hello from b'),
      'delivered to a',
    );
    expect((await api(a, 'PUT', `/api/blocks/${bob.user.id}`, { token: ann.token })).status).toBe(204);
    expect(await send(bobSocket, room.id, 'still there?')).toMatchObject({ ok: false, error: { code: 'BLOCKED' } });
    expect(eventsNamed(eveSocket, 'room:added')).toEqual([]);
    expect(eventsNamed(eveSocket, 'message:created')).toEqual([]);
  });

  authorizationMatrix(
    () => ({
      setUpOn: suite.nodes[0]!,
      actOn: suite.nodes[1]!,
      open: (server, token) => suite.open(server as (typeof suite.nodes)[number], token),
    }),
    'cluster',
  );
});
