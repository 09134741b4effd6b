import { afterAll, describe, expect, it } from 'vitest';
import type { Attention, Message } from '../../src/contract/types.js';
import { createRoom, joinByCode, send, sendRaw } from '../support/chat.js';
import { clusterSuite, clusterUnavailable } from '../support/cluster.js';
import { api, eventsNamed, guest, waitFor } from '../support/hearth.js';
import { startPushReceiver } from '../support/push-receiver.js';

const skip = (await clusterUnavailable()) !== undefined;
const push = await startPushReceiver();
afterAll(() => push.close());

/*
 * Attention across two processes: typing and read state are room and user events like any other,
 * carried by Redis; the notification queue is shared, so each message is pushed once whichever
 * process sees it first, though both look.
 */
describe.skipIf(skip)('attention on two processes', () => {
  const suite = clusterSuite('attention', { overrides: { pushHosts: ['127.0.0.1'], pushCaFile: push.caFile, notifyIntervalMs: 50 } });

  it('typing on one process is seen on the other; reading on one clears the other’s counts', async () => {
    const [a, b] = [suite.nodes[0]!, suite.nodes[1]!];
    const [ann, bob] = [await guest(a), await guest(a)];
    const room = await createRoom(a, ann, `Across ${process.pid}`, 'private');
    await joinByCode(a, bob, room.code);
    const [annOnA, bobOnA, bobOnB] = [await suite.open(a, ann.token), await suite.open(a, bob.token), await suite.open(b, bob.token)];
    expect(await sendRaw(annOnA, 'room:typing', { roomId: room.id })).toEqual({ ok: true });
    await waitFor(() => eventsNamed(bobOnB, 'room:typing').length > 0, 'typing reaches b');
    const ack = await send(annOnA, room.id, `@${bob.user.username} hi`);
    const seq = ack.ok ? ack.message.seq : 0;
    await waitFor(() => eventsNamed<{ message: Message }>(bobOnB, 'message:created').length > 0, 'the message reaches b');
    expect(await sendRaw(bobOnA, 'room:read', { roomId: room.id, seq })).toMatchObject({ ok: true, attention: { unread: 0, mentions: 0 } });
    const told = await waitFor(() => eventsNamed<{ attention: Attention }>(bobOnB, 'room:attention')[0], 'read state reaches b');
    expect(told.attention).toMatchObject({ roomId: room.id, readSeq: seq, unread: 0 });
  });

  it('both processes run the queue, and a message is pushed once', async () => {
    const [a, b] = [suite.nodes[0]!, suite.nodes[1]!];
    const [ann, bob] = [await guest(a), await guest(b)];
    const room = await createRoom(a, ann, `Once ${process.pid}`, 'private');
    await joinByCode(b, bob, room.code);
    const browser = push.browser();
    expect((await api(b, 'POST', '/api/push/subscriptions', { token: bob.token, body: browser.subscription })).status).toBe(204);
    const annOnA = await suite.open(a, ann.token);
    for (let i = 0; i < 20; i++) await send(annOnA, room.id, `message ${i}`);
    await waitFor(() => push.pushes.filter((p) => p.subscription === browser.id).length >= 20, 'twenty pushes', 10_000);
    await Promise.all([a.notifications.runOnce(), b.notifications.runOnce()]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const bodies = push.pushes.filter((p) => p.subscription === browser.id).map((p) => p.payload.body);
    // Sent several at a time by two processes: in any order, but each exactly once.
    expect(bodies.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `message ${i}`).sort());
    expect(push.refused).toEqual([]);
  });
});
