import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/contract/types.js';
import { createRoom, enter, joinByCode, send } from '../support/chat.js';
import { clusterSuite, clusterUnavailable } from '../support/cluster.js';
import { api, eventsNamed, guest, waitFor, waitForAnswer, type Client } from '../support/hearth.js';
import { testRedisUrl } from '../support/redis.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const skip = (await clusterUnavailable()) !== undefined;
const texts = (client: Client, roomId: string) =>
  eventsNamed<{ message: Message }>(client, 'message:created')
    .filter((e) => e.message.roomId === roomId)
    .map((e) => e.message.text);

describe.skipIf(skip)('one process losing Redis', () => {
  // Process A reaches Redis through a relay the test cuts; process B directly. The shared Redis
  // itself is never touched.
  let proxy: TcpProxy | undefined;
  let proxied = '';
  beforeAll(async () => {
    const target = new URL(testRedisUrl);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const url = new URL(testRedisUrl);
    url.port = String(proxy.port);
    proxied = url.toString();
  });
  afterAll(() => proxy?.close());
  const suite = clusterSuite('outage', { redisUrl: (i) => (i === 0 ? proxied : testRedisUrl), deps: { readinessIntervalMs: 100 } });

  it('refuses sends and says so while the other process keeps going; back, it recovers and its clients catch up', async () => {
    const [a, b] = [suite.nodes[0]!, suite.nodes[1]!];
    const ann = await guest(a);
    const bob = await guest(b);
    const room = await createRoom(a, ann, 'weather');
    await joinByCode(b, bob, room.code);
    const annOnA = await suite.open(a, ann.token);
    const bobOnB = await suite.open(b, bob.token);
    expect((await send(annOnA, room.id, 'before')).ok).toBe(true);
    await waitFor(() => texts(bobOnB, room.id).includes('before'), 'delivery before the outage');

    await proxy!.cut();
    await waitFor(() => !a.cluster.connected(), 'A notices');
    expect(await send(annOnA, room.id, 'during, on A')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await api(a, 'GET', '/readyz')).toMatchObject({
      status: 503,
      body: { status: 'unavailable', checks: { database: 'ok', redis: 'failing' } },
    });
    expect(await api(b, 'GET', '/readyz')).toMatchObject({ status: 200, body: { checks: { redis: 'ok' } } });
    expect((await send(bobOnB, room.id, 'during, on B')).ok).toBe(true);

    await proxy!.restore();
    // Back on Redis, A hangs up on its sockets so their clients catch up on what they missed.
    await waitFor(() => annOnA.socket.disconnected, 'A disconnects its sockets', 10_000);
    const again = await suite.open(a, ann.token);
    const caughtUp = await enter(again, room.id, 1);
    expect(caughtUp.ok && caughtUp.messages.map((m) => m.text)).toEqual(['during, on B']);

    await waitForAnswer(async () => (await send(again, room.id, 'after, on A')).ok, 'A accepts sends again', 5_000);
    await waitFor(() => texts(bobOnB, room.id).includes('after, on A'), 'A to B delivery resumes');
    expect((await send(bobOnB, room.id, 'after, on B')).ok).toBe(true);
    await waitFor(() => texts(again, room.id).includes('after, on B'), 'B to A delivery resumes');
    expect(texts(bobOnB, room.id)).toEqual(['before', 'during, on B', 'after, on A', 'after, on B']);

    const metrics = await (await fetch(`${a.url}/metrics`)).text();
    expect(metrics).toMatch(/^hearth_redis_errors_total\{source="client"\} [1-9]/m);
  });
});
