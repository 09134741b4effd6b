import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceEvent } from '../../src/contract/events.js';
import type { PresenceChange } from '../../src/server/core/presence/ports.js';
import { RedisPresence } from '../../src/server/redis/redis-presence.js';
import type { RedisClient } from '../../src/server/redis/scripts.js';
import { createRoom, enter, joinByCode, send } from '../support/chat.js';
import { clusterSuite, clusterUnavailable } from '../support/cluster.js';
import { eventsNamed, guest, waitFor, waitForAnswer, type Client } from '../support/hearth.js';
import { testRedisUrl } from '../support/redis.js';

const skip = (await clusterUnavailable()) !== undefined;

describe.skipIf(skip)('presence across processes', () => {
  // A quick heartbeat, so a dead process is noticed within a test's patience.
  const suite = clusterSuite('presence', { redis: { presenceHeartbeatMs: 100, presenceTtlMs: 1_000 } });
  const a = () => suite.nodes[0]!;
  const b = () => suite.nodes[1]!;
  const redis: RedisClient = createClient({ url: testRedisUrl });
  redis.on('error', () => undefined);
  const ghosts: RedisPresence[] = [];
  beforeAll(async () => void (await redis.connect()));
  afterAll(async () => {
    for (const ghost of ghosts) await ghost.close();
    redis.destroy();
  });
  const presenceOf = (client: Client, userId: string) =>
    eventsNamed<PresenceEvent>(client, 'room:presence')
      .filter((e) => e.user.id === userId)
      .map((e) => e.online);
  const socketsOf = (userId: string) => redis.hLen(`${suite.prefix}presence:user:${userId}`);

  it('a user with sockets on two processes goes online once, and offline only when the last one closes', async () => {
    const ann = await guest(a());
    const bob = await guest(a());
    const room = await createRoom(a(), ann, 'presence');
    await joinByCode(a(), bob, room.code);
    const annSocket = await suite.open(a(), ann.token);

    const bobPhone = await suite.open(a(), bob.token);
    const bobLaptop = await suite.open(b(), bob.token);
    await waitForAnswer(async () => (await socketsOf(bob.user.id)) === 2, 'both sockets registered');
    await waitFor(() => presenceOf(annSocket, bob.user.id).length === 1, 'online');
    const entry = await enter(annSocket, room.id);
    expect(entry.ok && entry.online.map((u) => u.id).sort()).toEqual([ann.user.id, bob.user.id].sort());

    bobPhone.close();
    await waitForAnswer(async () => (await socketsOf(bob.user.id)) === 1, 'process A saw the phone go');
    // A's broadcasts reach Ann in order: an offline event for the phone would precede this.
    await send(annSocket, room.id, 'barrier');
    await waitFor(() => eventsNamed(annSocket, 'message:created').length === 1, 'barrier');
    expect(presenceOf(annSocket, bob.user.id)).toEqual([true]);

    bobLaptop.close();
    await waitFor(() => presenceOf(annSocket, bob.user.id).length === 2, 'offline');
    expect(presenceOf(annSocket, bob.user.id)).toEqual([true, false]);
  });

  it('when a process dies, its sockets stop counting and the rooms hear its users leave', async () => {
    const ann = await guest(a());
    const bob = await guest(a());
    const room = await createRoom(a(), ann, 'ghost town');
    await joinByCode(a(), bob, room.code);
    // A process that registers Bob's socket and then never beats again: as good as crashed.
    const ghost = new RedisPresence(redis, { prefix: suite.prefix, heartbeatMs: 0, ttlMs: 500 });
    ghosts.push(ghost);
    await ghost.start();
    expect(await ghost.socketConnected(bob.user.id, 'ghost-socket')).toBe(true);
    const annSocket = await suite.open(a(), ann.token);
    const entry = await enter(annSocket, room.id);
    expect(entry.ok && entry.online.some((u) => u.id === bob.user.id)).toBe(true);

    await waitFor(() => presenceOf(annSocket, bob.user.id).includes(false), 'Bob announced offline', 5_000);
    const later = await enter(annSocket, room.id);
    expect(later.ok && later.online.map((u) => u.id)).toEqual([ann.user.id]);
    expect(await socketsOf(bob.user.id)).toBe(0);
  });

  it('a user with sockets on a dead process and a live one stays online, and is not announced', async () => {
    // A prefix of their own: the suite's processes sweep theirs every 100 ms and would beat `live` to it.
    const options = { prefix: `${suite.prefix}alone:`, heartbeatMs: 0, ttlMs: 300 };
    const dead = new RedisPresence(redis, options);
    const live = new RedisPresence(redis, { ...options, ttlMs: 60_000 });
    ghosts.push(dead, live);
    await Promise.all([dead.start(), live.start()]);
    const changes: PresenceChange[] = [];
    live.onChange((change) => changes.push(change));
    await dead.socketConnected('only-dead', 'd1');
    await dead.socketConnected('both', 'd2');
    expect(await live.socketConnected('both', 'l1')).toBe(false);

    await waitForAnswer(async () => !(await live.onlineAmong(['only-dead'])).has('only-dead'), 'the dead process stops counting', 3_000);
    await live.tick();
    expect(changes).toEqual([{ userIds: ['only-dead'], online: false }]);
    expect(await live.onlineAmong(['both', 'only-dead'])).toEqual(new Set(['both']));
  });
});
