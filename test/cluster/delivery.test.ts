import { describe, expect, it } from 'vitest';
import type { MemberEvent } from '../../src/contract/events.js';
import type { Message } from '../../src/contract/types.js';
import { createRoom, joinByCode, send } from '../support/chat.js';
import { clusterSuite, clusterUnavailable } from '../support/cluster.js';
import { api, eventsNamed, guest, waitFor, type Client, type Guest } from '../support/hearth.js';

const skip = (await clusterUnavailable()) !== undefined;
const texts = (client: Client, roomId: string) =>
  eventsNamed<{ message: Message }>(client, 'message:created')
    .filter((e) => e.message.roomId === roomId)
    .map((e) => e.message.text);

describe.skipIf(skip)('delivery across two processes sharing PostgreSQL and Redis', () => {
  const suite = clusterSuite('delivery');
  const a = () => suite.nodes[0]!;
  const b = () => suite.nodes[1]!;

  /**
   * `sender` writes in a room of `owner`'s own and every watcher receives it. A process applies
   * another's broadcasts in the order they were published, so whatever the sender's process
   * published earlier has reached the watchers by then.
   */
  async function barrier(sender: Client, owner: Guest, watchers: Client[]): Promise<void> {
    const own = await createRoom(a(), owner, `barrier ${watchers.length} ${Date.now()}`);
    expect((await send(sender, own.id, 'barrier')).ok).toBe(true);
    for (const watcher of watchers) await waitFor(() => texts(watcher, own.id).includes('barrier'), 'barrier');
  }

  it('a message sent on one process reaches the members connected to the other, and no one else', async () => {
    const ann = await guest(a());
    const bob = await guest(b());
    const carol = await guest(b());
    const room = await createRoom(a(), ann, 'across');
    await joinByCode(b(), bob, room.code);
    const annSocket = await suite.open(a(), ann.token);
    const bobSocket = await suite.open(b(), bob.token);
    const carolSocket = await suite.open(b(), carol.token);

    const ack = await send(annSocket, room.id, 'hello from A');
    expect(ack.ok).toBe(true);
    await waitFor(() => texts(bobSocket, room.id).length === 1, 'Bob on B receives');
    await waitFor(() => texts(annSocket, room.id).length === 1, 'Ann on A receives her own');
    const reply = await send(bobSocket, room.id, 'hello from B');
    expect(reply.ok && reply.message.seq).toBe(2);
    await waitFor(() => texts(annSocket, room.id).length === 2, 'Ann on A receives the reply');

    await barrier(carolSocket, carol, [carolSocket]);
    expect(texts(carolSocket, room.id)).toEqual([]);
  });

  it('a membership begun on one process subscribes the member’s sockets on the other, before the room hears of it', async () => {
    const ann = await guest(a());
    const bob = await guest(b());
    const room = await createRoom(a(), ann, 'joined elsewhere');
    const annSocket = await suite.open(a(), ann.token);
    const bobSocket = await suite.open(b(), bob.token);

    await joinByCode(a(), bob, room.code);
    const joined = { roomId: room.id, user: bob.user, memberCount: 2 };
    await waitFor(() => eventsNamed<MemberEvent>(bobSocket, 'room:member_joined').length === 1, 'Bob on B sees his own entry');
    await waitFor(() => eventsNamed<MemberEvent>(annSocket, 'room:member_joined').length === 1, 'Ann on A hears of Bob');
    expect(eventsNamed<MemberEvent>(annSocket, 'room:member_joined')).toEqual([joined]);

    await send(annSocket, room.id, 'welcome');
    await waitFor(() => texts(bobSocket, room.id).includes('welcome'), 'Bob on B receives');
  });

  it('leaving on one process stops every socket of the leaver on the other from receiving the room', async () => {
    const ann = await guest(a());
    const bob = await guest(a());
    const room = await createRoom(a(), ann, 'leavers');
    await joinByCode(a(), bob, room.code);
    const annSocket = await suite.open(b(), ann.token);
    const bobOnA = await suite.open(a(), bob.token);
    const bobOnB = await suite.open(b(), bob.token);

    expect(await bobOnA.socket.timeout(5000).emitWithAck('room:leave', { roomId: room.id })).toEqual({ ok: true });
    await waitFor(() => eventsNamed<MemberEvent>(annSocket, 'room:member_left').length === 1, 'Ann on B hears Bob leave');
    await waitFor(() => eventsNamed(bobOnB, 'room:member_left').length === 1, 'Bob’s other socket is told');

    await send(annSocket, room.id, 'bob is gone');
    await barrier(bobOnB, bob, [bobOnA, bobOnB]);
    expect(texts(bobOnB, room.id)).toEqual([]);
    expect(texts(bobOnA, room.id)).toEqual([]);
  });

  it('logging out on one process disconnects that session’s sockets on the other, and only those', async () => {
    const bob = await guest(a());
    const phone = await api<{ token: string }>(a(), 'POST', '/api/auth/guest', { body: { username: `${bob.user.username}x` } });
    const bobOnB = await suite.open(b(), bob.token);
    const otherUserOnB = await suite.open(b(), phone.body.token);

    expect((await api(a(), 'POST', '/api/auth/logout', { token: bob.token })).status).toBe(204);
    await waitFor(() => bobOnB.socket.disconnected, 'Bob’s socket on B is disconnected');
    expect(eventsNamed(bobOnB, 'session:ended')).toEqual([{ reason: 'logged out' }]);
    expect(otherUserOnB.socket.connected).toBe(true);
  });

  it('signing out everywhere on one process disconnects all of the user’s sockets on every process', async () => {
    const bob = await guest(a());
    const onA = await suite.open(a(), bob.token);
    const onB = await suite.open(b(), bob.token);
    expect((await api(b(), 'POST', '/api/auth/logout-all', { token: bob.token })).status).toBe(204);
    await waitFor(() => onA.socket.disconnected && onB.socket.disconnected, 'both sockets disconnected');
  });
});
