import { describe, expect, it } from 'vitest';
import type { MessageSendAck } from '../../src/contract/events.js';
import type { Message } from '../../src/contract/types.js';
import { createRoom, enter, joinByCode, send } from '../support/chat.js';
import { clusterSuite, clusterUnavailable } from '../support/cluster.js';
import { eventsNamed, guest, waitFor } from '../support/hearth.js';

const skip = (await clusterUnavailable()) !== undefined;

describe.skipIf(skip)('stopping one of two processes under traffic', () => {
  const suite = clusterSuite('drain');
  const a = () => suite.nodes[0]!;
  const b = () => suite.nodes[1]!;

  it('owed acks finish, the sender reconnects to the other process, resends, and nothing is lost or doubled', async () => {
    const ann = await guest(a());
    const bob = await guest(b());
    const room = await createRoom(a(), ann, 'drained');
    await joinByCode(b(), bob, room.code);
    const bobSocket = await suite.open(b(), bob.token);
    const annOnA = await suite.open(a(), ann.token);

    const total = 120;
    const clientIds = Array.from({ length: total }, (_, i) => `drain-${i}`);
    const firstTry = clientIds.map((clientId, i) => send(annOnA, room.id, `m${i}`, clientId).catch((): MessageSendAck | 'lost' => 'lost'));
    await firstTry[0];
    await a().app.close(); // what SIGTERM does: refuse new work, finish owed acks, hang up
    const outcomes = await Promise.all(firstTry);
    const acked = outcomes.flatMap((o) => (o !== 'lost' && o.ok ? [o.message] : []));
    expect(acked.length).toBeGreaterThan(0);

    // The client reconnects (through the balancer, to B) and resends whatever was not acknowledged.
    const annOnB = await suite.open(b(), ann.token);
    const resent = await Promise.all(
      clientIds.map((clientId, i) => (outcomes[i] !== 'lost' && outcomes[i]!.ok ? undefined : send(annOnB, room.id, `m${i}`, clientId))),
    );
    for (const ack of resent) if (ack) expect(ack.ok).toBe(true);
    for (const message of acked) {
      const again = await send(annOnB, room.id, message.text, message.clientId);
      expect(again.ok && again.message).toEqual(message);
    }

    const entry = await enter(annOnB, room.id, 0);
    const stored: Message[] = entry.ok ? [...entry.messages] : [];
    for (let page = entry; page.ok && page.hasMore;) {
      page = await enter(annOnB, room.id, stored.at(-1)!.seq);
      if (page.ok) stored.push(...page.messages);
    }
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(stored.map((m) => m.clientId)).size).toBe(total);

    // Bob, on the surviving process, saw each message live exactly once, in seq order.
    const live = () => eventsNamed<{ message: Message }>(bobSocket, 'message:created').filter((e) => e.message.roomId === room.id);
    await waitFor(() => live().length >= total, 'every message live on B', 10_000);
    expect(live().map((e) => e.message.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  }, 30_000);
});
