import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/contract/commands.js';
import { createRoom, send, sendRaw } from '../support/chat.js';
import { random } from '../support/random.js';
import { api, connect, guest, startHearth, type Client, type TestServer } from '../support/hearth.js';

const socketFields = ['roomId', 'text', 'clientId', 'afterSeq', 'seq', '__proto__', 'constructor', 'toString', 'extra'];
// The people routes' fields too, so that junk reaches their checks and not only the strict-object refusal.
const httpFields = [
  ...socketFields,
  ...['userIds', 'name', 'displayName', 'status', 'timeZone', 'directPolicy'],
  ...['level', 'muted', 'mentionPolicy', 'digestMinutes', 'endpoint', 'keys', 'p256dh', 'auth'],
];

function junk(next: () => number, roomId: string, depth = 0, keys = socketFields): unknown {
  const pick = Math.floor(next() * 12);
  const strings = ['', ' ', roomId, 'x'.repeat(Math.floor(next() * 5000)), '\u0000', '__proto__', 'constructor', '💥', '{"a":1}'];
  switch (pick) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return next() < 0.5;
    case 3:
      return [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, 1e308][Math.floor(next() * 5)];
    case 4:
      return strings[Math.floor(next() * strings.length)];
    case 5:
      return depth > 3 ? [] : Array.from({ length: Math.floor(next() * 4) }, () => junk(next, roomId, depth + 1, keys));
    default: {
      if (depth > 3) return {};
      const object: Record<string, unknown> = {};
      for (const key of keys) if (next() < 0.6) object[key] = junk(next, roomId, depth + 1, keys);
      return object;
    }
  }
}

let server: TestServer;
let sock: Client;
let roomId: string;
let token: string;
let groupId: string;
let bobId: string;
beforeAll(async () => {
  server = await startHearth();
  const [ann, bob, carol] = [await guest(server), await guest(server), await guest(server)];
  token = ann.token;
  bobId = bob.user.id;
  roomId = (await createRoom(server, ann, 'fuzzed')).id;
  const group = await api<{ room: { id: string } }>(server, 'POST', '/api/direct', {
    token,
    body: { userIds: [bob.user.id, carol.user.id] },
  });
  groupId = group.body.room.id;
  sock = await connect(server, ann.token);
});
afterAll(async () => {
  sock.close();
  await server.stop();
});

describe('random payloads', () => {
  it('400 random socket payloads each get a well-formed ack and the server keeps serving', async () => {
    const next = random(20261121);
    // Every command in the contract's table: a new one is fuzzed without a line here.
    const events = Object.keys(commands);
    for (let i = 0; i < 400; i++) {
      const event = events[i % events.length]!;
      const ack = (await sendRaw(sock, event, junk(next, roomId))) as { ok: boolean; error?: { code: string } };
      expect(typeof ack.ok).toBe('boolean');
      if (!ack.ok) expect(['BAD_REQUEST', 'NOT_FOUND', 'FORBIDDEN']).toContain(ack.error?.code);
    }
    expect(sock.socket.connected).toBe(true);
  });

  it('200 random HTTP bodies never produce a 500', async () => {
    const next = random(42);
    const routes: Array<[string, string]> = [
      ['POST', '/api/auth/guest'],
      ['POST', '/api/rooms'],
      ['POST', '/api/rooms/join'],
      ['POST', '/api/direct'],
      ['PATCH', `/api/direct/${groupId}`],
      ['POST', `/api/direct/${groupId}/people`],
      ['PATCH', '/api/account/profile'],
      ['PUT', `/api/rooms/${roomId}/notifications`],
      ['PATCH', `/api/rooms/${roomId}/settings`],
      ['POST', '/api/push/subscriptions'],
      ['DELETE', '/api/push/subscriptions'],
      ['PATCH', '/api/account/notifications'],
    ];
    for (let i = 0; i < 390; i++) {
      const [method, path] = routes[i % routes.length]!;
      const res = await api(server, method, path, { token, body: JSON.stringify(junk(next, roomId, 0, httpFields) ?? null) });
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400) expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    // Junk search terms, as a query string, get a clear answer too.
    for (let i = 0; i < 50; i++) {
      const q = encodeURIComponent(JSON.stringify(junk(next, roomId)) ?? '');
      const res = await api(server, 'GET', `/api/people?q=${q}`, { token });
      // 431: a query past the header limit, refused by Node before Hearth sees it.
      expect([200, 400, 429, 431]).toContain(res.status);
    }
    // Junk in the path of every route that takes a person or a room there.
    for (let i = 0; i < 60; i++) {
      const raw = junk(next, roomId);
      const value = encodeURIComponent(typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? ''));
      const [method, path] = (
        [
          ['GET', `/api/people/${value}`],
          ['PUT', `/api/blocks/${value}`],
          ['DELETE', `/api/blocks/${value}`],
          ['GET', `/api/rooms/${value}/members`],
          ['PUT', `/api/rooms/${value}/notifications`],
          ['PATCH', `/api/rooms/${value}/settings`],
        ] as const
      )[i % 6]!;
      const res = await api(server, method, path, { token });
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
    }
    expect((await api(server, 'DELETE', `/api/blocks/${bobId}`, { token })).status).toBe(204);
    const ack = await send(sock, roomId, 'still here');
    expect(ack.ok || (!ack.ok && ack.error.code === 'FORBIDDEN')).toBe(true);
  });
});
