import { afterAll, describe, expect, it } from 'vitest';
import { createRoom, enter, send } from '../support/chat.js';
import { api, connect, guest, startHearth, waitForAnswer, type Client, type TestServer } from '../support/hearth.js';
import { postgresUnavailable, testDatabaseUrl } from '../support/postgres.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const skipPostgres = (await postgresUnavailable()) !== undefined;
const servers: TestServer[] = [];
const clients: Client[] = [];
afterAll(async () => {
  for (const client of clients) client.close();
  for (const server of servers) await server.stop();
});

describe('readiness', () => {
  it('is ready with the database answering and no Redis configured', async () => {
    const server = await startHearth();
    servers.push(server);
    const res = await api(server, 'GET', '/readyz');
    expect(res).toMatchObject({ status: 200, body: { status: 'ready', checks: { database: 'ok', redis: 'absent' } } });
  });

  it('while a probe fails: 503 on /readyz, sends refused with UNAVAILABLE and not stored; then it recovers on its own', async () => {
    let failing = false;
    const database = async () => {
      if (failing) throw new Error('no answer');
    };
    const server = await startHearth({}, { probes: { database }, readinessIntervalMs: 50 });
    servers.push(server);
    const ann = await guest(server);
    const room = await createRoom(server, ann, 'maybe');
    const sock = await connect(server, ann.token);
    clients.push(sock);

    failing = true;
    const res = await api(server, 'GET', '/readyz');
    expect(res).toMatchObject({ status: 503, body: { status: 'unavailable', checks: { database: 'failing', redis: 'absent' } } });
    expect(await send(sock, room.id, 'lost?')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });

    failing = false;
    await waitForAnswer(async () => (await send(sock, room.id, 'back')).ok, 'sends accepted again');
    const entry = await enter(sock, room.id);
    expect(entry.ok && entry.messages.map((m) => m.text)).toEqual(['back']);
  });
});

describe.skipIf(skipPostgres)('losing PostgreSQL', () => {
  let proxy: TcpProxy | undefined;
  afterAll(() => proxy?.close());

  it('a process cut off from its database never acknowledges a send, says so, and recovers when it is back', async () => {
    const target = new URL(testDatabaseUrl);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(testDatabaseUrl);
    viaProxy.port = String(proxy.port);
    const server = await startHearth({ databaseUrl: viaProxy.toString() }, { readinessIntervalMs: 100 }, 'postgres');
    servers.push(server);
    const ann = await guest(server);
    const room = await createRoom(server, ann, 'fragile');
    const sock = await connect(server, ann.token);
    clients.push(sock);
    expect((await send(sock, room.id, 'before')).ok).toBe(true);

    await proxy.cut();
    expect(await send(sock, room.id, 'during')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await api(server, 'GET', '/readyz')).toMatchObject({ status: 503, body: { checks: { database: 'failing' } } });

    await proxy.restore();
    await waitForAnswer(async () => (await send(sock, room.id, 'after')).ok, 'sends accepted again', 5_000);
    const entry = await enter(sock, room.id);
    expect(entry.ok && entry.messages.map((m) => [m.seq, m.text])).toEqual([
      [1, 'before'],
      [2, 'after'],
    ]);
  });
});
