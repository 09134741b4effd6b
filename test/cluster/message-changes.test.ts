import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/contract/types.js';
import { catchUpByChange, createRoom, edit, enter, joinByCode, react, send } from '../support/chat.js';
import { clusterSuite, clusterUnavailable } from '../support/cluster.js';
import { eventsNamed, guest, waitFor } from '../support/hearth.js';

const skip = (await clusterUnavailable()) !== undefined;

/*
 * Changes from people on two processes, at once, to the same messages: positions are taken under
 * the room's row lock in PostgreSQL, so they are gapless across processes, and Redis carries every
 * change to the other process's sockets.
 */
describe.skipIf(skip)('changes on two processes', () => {
  const suite = clusterSuite('message-changes');

  it('concurrent edits and reactions from both processes get one gapless sequence, and every member ends with the same state', async () => {
    const [a, b] = [suite.nodes[0]!, suite.nodes[1]!];
    const people = await Promise.all(Array.from({ length: 4 }, () => guest(a)));
    const room = await createRoom(a, people[0]!, 'changes across');
    for (const person of people.slice(1)) await joinByCode(b, person, room.code);
    const sockets = await Promise.all(people.map((p, i) => suite.open(i % 2 === 0 ? a : b, p.token)));
    const mine = await Promise.all(sockets.map((socket, i) => send(socket, room.id, `from ${i}`)));
    const ids = mine.map((ack) => (ack.ok ? ack.message.id : ''));
    const emoji = ['👍', '🎉', '👀'];

    const acks = await Promise.all(
      sockets.flatMap((socket, s) =>
        Array.from({ length: 15 }, (_, i) =>
          i % 5 === 0
            ? edit(socket, room.id, ids[s]!, `from ${s}, edit ${i}`)
            : react(socket, room.id, ids[(s + i) % ids.length]!, emoji[i % emoji.length]!),
        ),
      ),
    );
    expect(acks.every((ack) => ack.ok)).toBe(true);
    const positions = acks.map((ack) => (ack.ok ? ack.message.change : -1)).sort((x, y) => x - y);
    // 4 sends took 1..4; the 60 changes took 5..64, each once.
    expect(positions).toEqual(Array.from({ length: 60 }, (_, i) => i + 5));

    for (const [s, socket] of sockets.entries()) {
      const truth = await enter(socket, room.id);
      if (!truth.ok) throw new Error('enter failed');
      expect(truth.room.lastChange).toBe(64);
      // What arrived live, merged in change order by the client's rule (a broadcast's `me` marks are
      // `by`'s: keep one's own unless one made the change), is the server's state as this member
      // reads it, on every process.
      const me = people[s]!.user.id;
      const live = new Map<string, Message>();
      const eventsNow = () =>
        ['message:created', 'message:updated', 'message:reactions'].flatMap((event) =>
          eventsNamed<{ message: Message; by?: string }>(socket, event),
        );
      await waitFor(() => Math.max(...eventsNow().map((e) => e.message.change)) === 64, 'every change, live', 10_000);
      const events = eventsNow();
      for (const { message, by } of events
        .filter((e) => e.message.roomId === room.id)
        .sort((x, y) => x.message.change - y.message.change)) {
        const held = live.get(message.id);
        const mine = new Set(held?.reactions.filter((r) => r.me).map((r) => r.emoji));
        live.set(
          message.id,
          by === undefined || by === me
            ? message
            : { ...message, reactions: message.reactions.map((r) => ({ ...r, me: mine.has(r.emoji) })) },
        );
      }
      expect([...live.values()].sort((x, y) => x.seq - y.seq)).toEqual(truth.messages);
      if (s === 1) expect((await catchUpByChange(socket, room.id, [], 0)).messages).toEqual(truth.messages);
    }
  });
});
