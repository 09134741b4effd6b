import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/contract/types.js';
import { createRoom, joinByCode, send } from '../support/chat.js';
import { clusterSuite, clusterUnavailable } from '../support/cluster.js';
import { eventsNamed, guest, waitFor, type Client } from '../support/hearth.js';

const skip = (await clusterUnavailable()) !== undefined;
const received = (client: Client, roomId: string) =>
  eventsNamed<{ message: Message }>(client, 'message:created')
    .map((e) => e.message)
    .filter((m) => m.roomId === roomId);
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/*
 * Seqs are contiguous (assigned under the room's row lock) and every member's socket receives every
 * message once, in seq order: a process publishes seq s only after it has seen s-1 go out
 * (redis/publish-order.ts). Without that, messages committed a moment apart on two processes
 * arrived out of order a few times in every few hundred.
 */
describe.skipIf(skip)('ordering with concurrent senders on two processes', () => {
  const suite = clusterSuite('ordering');

  it('gives one contiguous seq 1..N, seen in that same order by every member on either process', async () => {
    const [a, b] = [suite.nodes[0]!, suite.nodes[1]!];
    const people = await Promise.all(Array.from({ length: 6 }, () => guest(a)));
    const room = await createRoom(a, people[0]!, 'busy across');
    for (const person of people.slice(1)) await joinByCode(b, person, room.code);
    const sockets = await Promise.all(people.map((p, i) => suite.open(i % 2 === 0 ? a : b, p.token)));
    const perSender = 40;
    const acks = await Promise.all(
      sockets.flatMap((socket, s) => Array.from({ length: perSender }, (_, i) => send(socket, room.id, `s${s} #${i}`))),
    );
    const total = sockets.length * perSender;
    expect(acks.map((ack) => (ack.ok ? ack.message.seq : -1)).sort((x, y) => x - y)).toEqual(oneToN(total));

    for (const socket of sockets) {
      await waitFor(() => received(socket, room.id).length >= total, 'every delivery', 10_000);
      expect(received(socket, room.id).map((m) => m.seq)).toEqual(oneToN(total));
    }
  });
});
