import { describe, expect, it } from 'vitest';
import type { RoomJoinAck } from '../../src/contract/events.js';
import type { Room } from '../../src/contract/types.js';
import { createRoom, enter, joinByCode, send } from '../support/chat.js';
import { api, connect, eventsNamed, guest, startHearth, waitFor, type Client } from '../support/hearth.js';
import { hearthSuite } from '../support/suite.js';

const suite = hearthSuite();
const from = (address: string) => ({ 'x-forwarded-for': address });

describe('room codes', () => {
  it('a private room’s code carries at least 50 bits; a public room’s stays short', async () => {
    const ann = await guest(suite.server);
    const secret = await createRoom(suite.server, ann, 'bits', 'private');
    const open = await createRoom(suite.server, ann, 'bits open');
    expect(secret.code.length * Math.log2(31)).toBeGreaterThanOrEqual(50);
    expect(open.code).toHaveLength(8);
  });

  it('the owner regenerates the code: the old one stops at once, members hear the new one', async () => {
    const ann = await guest(suite.server);
    const bob = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'leaky', 'private');
    await joinByCode(suite.server, bob, room.code);
    const bobSocket = await suite.open(bob.token);
    const res = await api<{ room: Room }>(suite.server, 'POST', `/api/rooms/${room.id}/code`, { token: ann.token });
    expect(res.status).toBe(200);
    expect(res.body.room.code).not.toBe(room.code);
    const carol = await guest(suite.server);
    expect((await api(suite.server, 'POST', '/api/rooms/join', { token: carol.token, body: { code: room.code } })).status).toBe(404);
    expect((await api(suite.server, 'POST', '/api/rooms/join', { token: carol.token, body: { code: res.body.room.code } })).status).toBe(
      200,
    );
    await waitFor(
      () => eventsNamed<{ room: Room }>(bobSocket, 'room:updated').find((e) => e.room.code === res.body.room.code),
      'room:updated',
    );
  });

  it('a member who is not the owner may not regenerate the code; an outsider learns nothing', async () => {
    const ann = await guest(suite.server);
    const bob = await guest(suite.server);
    const eve = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'guarded', 'private');
    await joinByCode(suite.server, bob, room.code);
    expect((await api(suite.server, 'POST', `/api/rooms/${room.id}/code`, { token: bob.token })).status).toBe(403);
    const outsider = await api(suite.server, 'POST', `/api/rooms/${room.id}/code`, { token: eve.token });
    const missing = await api(suite.server, 'POST', `/api/rooms/no-such-room/code`, { token: eve.token });
    expect(outsider.status).toBe(404);
    expect(outsider.body).toEqual(missing.body);
    expect((await api(suite.server, 'POST', `/api/rooms/${room.id}/code`, {})).status).toBe(401);
  });
});

describe('an invite link shows its room and changes nothing', () => {
  it('names a public room with its newest messages, signed out too, without making anyone a member', async () => {
    const ann = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'Porch');
    const sock = await suite.open(ann.token);
    await enter(sock, room.id);
    await send(sock, room.id, 'welcome, whoever you are');
    const bob = await guest(suite.server);
    for (const token of [undefined, bob.token]) {
      const res = await api<{ room: Partial<Room>; messages: Array<{ text: string }>; member: boolean }>(
        suite.server,
        'GET',
        `/api/invites/${room.code}`,
        { token },
      );
      expect(res.status).toBe(200);
      expect(res.body.room).toEqual({ id: room.id, name: 'Porch', topic: '', visibility: 'public', memberCount: 1 });
      expect(res.body.messages.map((m) => m.text)).toEqual(['welcome, whoever you are']);
      expect(res.body.member).toBe(false);
    }
    const listed = await api<{ memberOf: string[] }>(suite.server, 'GET', '/api/rooms', { token: bob.token });
    expect(listed.body.memberOf).not.toContain(room.id);
  });

  it('names a private room but shows no messages and never its code', async () => {
    const ann = await guest(suite.server);
    const room = await createRoom(suite.server, ann, 'Den', 'private');
    const sock = await suite.open(ann.token);
    await enter(sock, room.id);
    await send(sock, room.id, 'members only');
    const res = await api<{ room: Record<string, unknown>; messages: unknown[] }>(suite.server, 'GET', `/api/invites/${room.code}`);
    expect(res.body.room.name).toBe('Den');
    expect(res.body.room).not.toHaveProperty('code');
    expect(res.body.messages).toEqual([]);
  });

  it('an unknown code is 404 and a malformed one 400', async () => {
    expect((await api(suite.server, 'GET', '/api/invites/ZZZZZZZZ')).status).toBe(404);
    expect((await api(suite.server, 'GET', '/api/invites/no!')).status).toBe(400);
  });
});

describe('guessing codes is limited', () => {
  it('per user: after 20 look-ups in ten minutes the next is 429, from any address', async () => {
    const server = await startHearth({ rateLimits: true, trustProxy: ['127.0.0.1'] });
    try {
      const eve = await guest(server);
      for (let i = 0; i < 20; i++) {
        const res = await api(server, 'POST', '/api/rooms/join', {
          token: eve.token,
          body: { code: `ABCDEFG${'23456789'[i % 8]}` },
          headers: from(`192.0.2.${i}`),
        });
        expect(res.status).toBe(404);
      }
      const refused = await api(server, 'GET', '/api/invites/ABCDEFGH', { token: eve.token, headers: from('198.51.100.1') });
      expect(refused.status).toBe(429);
    } finally {
      await server.stop();
    }
  });

  it('per address: many accounts from one address are stopped too, signed-out look-ups included', async () => {
    const server = await startHearth({ rateLimits: true, trustProxy: ['127.0.0.1'] });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 61; i++)
        statuses.push((await api(server, 'GET', `/api/invites/ABCDEFG${'23456789'[i % 8]}`, { headers: from('203.0.113.5') })).status);
      expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
      expect(statuses[60]).toBe(429);
    } finally {
      await server.stop();
    }
  });
});

describe('socket events are limited per user', () => {
  it('room:join beyond its rate is RATE_LIMITED with a retry time, and the socket stays', async () => {
    const server = await startHearth({ rateLimits: true });
    try {
      const ann = await guest(server);
      const room = await createRoom(server, ann, 'busy door');
      const sock = await connect(server, ann.token);
      const acks: RoomJoinAck[] = [];
      for (let i = 0; i < 61; i++) acks.push(await enter(sock, room.id));
      expect(acks.slice(0, 60).every((a) => a.ok)).toBe(true);
      expect(acks[60]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) } });
      expect(sock.socket.connected).toBe(true);
      sock.close();
    } finally {
      await server.stop();
    }
  });

  it('a user holds a bounded number of sockets: the oldest is closed beyond it', async () => {
    const server = await startHearth({ maxSocketsPerUser: 3 });
    try {
      const ann = await guest(server);
      const sockets: Client[] = [];
      for (let i = 0; i < 5; i++) sockets.push(await connect(server, ann.token));
      await waitFor(() => sockets.filter((s) => s.socket.connected).length === 3, 'the two oldest to close');
      expect(sockets.map((s) => s.socket.connected)).toEqual([false, false, true, true, true]);
      for (const s of sockets) s.close();
    } finally {
      await server.stop();
    }
  });
});

describe('the public directory is paged', () => {
  it('GET /api/rooms gives my rooms and a page of the directory; the cursor walks the rest', async () => {
    const me = await guest(suite.server);
    const other = await guest(suite.server);
    for (let i = 0; i < 5; i++) await createRoom(suite.server, other, `paged ${process.pid} ${i}`);
    const mine = await createRoom(suite.server, me, `mine ${process.pid}`);
    const first = await api<{ rooms: Room[]; memberOf: string[]; nextCursor?: string }>(suite.server, 'GET', '/api/rooms?limit=2', {
      token: me.token,
    });
    expect(first.body.memberOf).toEqual([mine.id]);
    expect(first.body.rooms[0]?.id).toBe(mine.id);
    expect(first.body.rooms).toHaveLength(3);
    const seen = new Set(first.body.rooms.slice(1).map((r) => r.id));
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await api<{ rooms: Room[]; memberOf: string[]; nextCursor?: string }>(
        suite.server,
        'GET',
        `/api/rooms?limit=2&cursor=${cursor}`,
        { token: me.token },
      );
      expect(page.body.memberOf).toEqual([]);
      for (const room of page.body.rooms) {
        expect(seen.has(room.id)).toBe(false);
        seen.add(room.id);
      }
      cursor = page.body.nextCursor;
    }
    expect(seen.has(mine.id)).toBe(false);
    expect([...seen].length).toBeGreaterThanOrEqual(5);
    expect((await api(suite.server, 'GET', '/api/rooms?cursor=%%%', { token: me.token })).status).toBe(400);
  });
});
