import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom } from '../support/chat.js';
import { api, connect, guest, startHearth, type TestServer } from '../support/hearth.js';

let server: TestServer;
beforeAll(async () => {
  server = await startHearth();
});
afterAll(async () => server.stop());

describe('guest sessions', () => {
  it('a name alone gives a guest user, a token and an HttpOnly SameSite=Lax cookie', async () => {
    const res = await api<{ user: Record<string, unknown>; token: string }>(server, 'POST', '/api/auth/guest', {
      body: { username: '  Zoë_2.0-x ' },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toEqual({ id: expect.any(String), username: 'Zoë_2.0-x', kind: 'guest', createdAt: expect.any(String) });
    expect(res.body.token.length).toBeGreaterThanOrEqual(32);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^hearth_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await api(server, 'GET', '/api/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(me.body).toEqual({ user: res.body.user, email: null });
  });

  it.each([[''], ['   '], ['x'.repeat(33)], ['semi;colon'], ['<script>'], [42], [null]])(
    'refuses the name %j with BAD_REQUEST',
    async (username) => {
      const res = await api(server, 'POST', '/api/auth/guest', { body: { username } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'BAD_REQUEST', message: expect.any(String) } });
    },
  );

  it('a name is unique case-insensitively', async () => {
    await guest(server, 'Marguerite');
    const res = await api(server, 'POST', '/api/auth/guest', { body: { username: 'marguerite' } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('without a session the API answers 401 UNAUTHENTICATED', async () => {
    for (const [method, path] of [
      ['GET', '/api/me'],
      ['GET', '/api/rooms'],
      ['POST', '/api/rooms'],
    ] as const) {
      const res = await api(server, method, path, { token: 'not-a-token', body: method === 'POST' ? { name: 'x' } : undefined });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('logout ends the token at once and disconnects its sockets, leaving other sessions alone', async () => {
    const ann = await guest(server);
    const other = await guest(server);
    const annSocket = await connect(server, ann.token);
    const otherSocket = await connect(server, other.token);
    const gone = new Promise((resolve) => annSocket.socket.once('disconnect', resolve));
    expect((await api(server, 'POST', '/api/auth/logout', { token: ann.token })).status).toBe(204);
    await gone;
    expect((await api(server, 'GET', '/api/me', { token: ann.token })).status).toBe(401);
    expect(otherSocket.socket.connected).toBe(true);
    otherSocket.close();
  });
});

describe('the Origin rule and malformed requests', () => {
  it('refuses a state-changing request from a foreign origin and changes nothing', async () => {
    const ann = await guest(server);
    const res = await api(server, 'POST', '/api/rooms', {
      token: ann.token,
      body: { name: 'csrf' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const rooms = await api<{ rooms: Array<{ name: string }> }>(server, 'GET', '/api/rooms', { token: ann.token });
    expect(rooms.body.rooms.map((r) => r.name)).not.toContain('csrf');
    const same = await api(server, 'POST', '/api/rooms', { token: ann.token, body: { name: 'fine' }, headers: { origin: server.url } });
    expect(same.status).toBe(201);
  });

  it('answers broken JSON with 400 and an oversized body with 413', async () => {
    const broken = await api(server, 'POST', '/api/auth/guest', { body: '{"username": ' });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    const huge = await api(server, 'POST', '/api/auth/guest', { body: { username: 'x'.repeat(200_000) } });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('takes a bare POST with a JSON content type and no body, and still refuses prototype poisoning', async () => {
    const ann = await guest(server);
    const bare = await api(server, 'POST', '/api/auth/logout', { token: ann.token, headers: { 'content-type': 'application/json' } });
    expect(bare.status).toBe(204);
    const poisoned = await api(server, 'POST', '/api/auth/guest', { body: '{"username":"Pia","__proto__":{"admin":true}}' });
    expect(poisoned.status).toBe(400);
  });

  it('answers an unknown API route with the error shape, never a stack', async () => {
    const res = await api(server, 'GET', '/api/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('GET /healthz answers 200', async () => {
    expect((await api(server, 'GET', '/healthz')).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('stops a flood of guest sign-ups from one address with 429 and retryAfterMs', async () => {
    const limited = await startHearth({ rateLimits: true });
    try {
      const statuses: number[] = [];
      let last: Record<string, unknown> = {};
      for (let i = 0; i < 25; i++) {
        const res = await api(limited, 'POST', '/api/auth/guest', { body: { username: `flood${i}` } });
        statuses.push(res.status);
        last = res.body;
      }
      expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      expect(last).toMatchObject({ error: { code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) } });
    } finally {
      await limited.stop();
    }
  });

  it('stops a flood of messages from one user and stores none of the refused ones', async () => {
    const limited = await startHearth({ rateLimits: true });
    try {
      const ann = await guest(limited);
      const room = await createRoom(limited, ann, 'flood');
      const sock = await connect(limited, ann.token);
      const acks = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          sock.socket.timeout(3000).emitWithAck('message:send', { roomId: room.id, text: `m${i}`, clientId: `f${i}` }),
        ),
      );
      const refused = acks.filter((a) => !a.ok);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) } });
      const page = await api<{ messages: unknown[] }>(limited, 'GET', `/api/rooms/${room.id}/messages?limit=100`, { token: ann.token });
      expect(page.body.messages.length).toBe(40 - refused.length);
      sock.close();
    } finally {
      await limited.stop();
    }
  });
});
