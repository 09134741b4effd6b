import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, Room } from '../../src/contract/types.js';
import { createRoom, joinByCode, send } from '../support/chat.js';
import { api, connect, guest, startHearth, type Guest, type TestServer } from '../support/hearth.js';

let server: TestServer;
let ann: Guest;
let bob: Guest;
beforeAll(async () => {
  server = await startHearth();
  ann = await guest(server);
  bob = await guest(server);
});
afterAll(async () => server.stop());

describe('rooms', () => {
  it('creates a public room with its creator as first member and a share code without look-alikes', async () => {
    const res = await api<{ room: Room }>(server, 'POST', '/api/rooms', { token: ann.token, body: { name: 'Garden', topic: 'plants' } });
    expect(res.status).toBe(201);
    expect(res.body.room).toEqual({
      id: expect.any(String),
      kind: 'room',
      name: 'Garden',
      topic: 'plants',
      visibility: 'public',
      code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{6,}$/),
      memberCount: 1,
      lastSeq: 0,
      lastChange: 0,
      createdAt: expect.any(String),
      lastActivityAt: res.body.room.createdAt,
      mentionPolicy: 'everyone',
    });
  });

  it('public room names are unique case-insensitively; private rooms may share a name', async () => {
    await createRoom(server, ann, 'Unique Name');
    const clash = await api(server, 'POST', '/api/rooms', { token: bob.token, body: { name: 'unique name' } });
    expect(clash.status).toBe(409);
    await createRoom(server, bob, 'unique name', 'private');
    await createRoom(server, ann, 'unique name', 'private');
  });

  it.each([[{}], [{ name: '' }], [{ name: 'x'.repeat(65) }], [{ name: 'ok', visibility: 'secret' }], [{ name: 5 }]])(
    'refuses %j with BAD_REQUEST',
    async (body) => {
      const res = await api(server, 'POST', '/api/rooms', { token: ann.token, body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    },
  );

  it('lists every public room and the private rooms one belongs to, no others, and says which are mine', async () => {
    const mine = await createRoom(server, bob, 'bob private', 'private');
    const theirs = await createRoom(server, ann, 'ann private', 'private');
    const open = await createRoom(server, ann, 'ann public');
    const res = await api<{ rooms: Room[]; memberOf: string[] }>(server, 'GET', '/api/rooms', { token: bob.token });
    const ids = res.body.rooms.map((r) => r.id);
    expect(res.body.memberOf).toContain(mine.id);
    expect(res.body.memberOf).not.toContain(open.id);
    expect(ids).toContain(mine.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(theirs.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await api(server, 'GET', `/api/rooms/${theirs.id}`, { token: bob.token })).status).toBe(404);
    expect((await api(server, 'GET', `/api/rooms/${mine.id}`, { token: bob.token })).body).toEqual({ room: mine });
  });

  it('a code opens any room, private included, typed in any case; an unknown code is NOT_FOUND', async () => {
    const hidden = await createRoom(server, ann, 'invite only', 'private');
    const joined = await joinByCode(server, bob, hidden.code.toLowerCase());
    expect(joined).toMatchObject({ id: hidden.id, memberCount: 2 });
    const again = await joinByCode(server, bob, hidden.code);
    expect(again.memberCount).toBe(2);
    const unknown = await api(server, 'POST', '/api/rooms/join', { token: bob.token, body: { code: 'ZZZZZZZZ' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('joining by name opens the public room of that name, creating it the first time', async () => {
    const first = await api<{ room: Room }>(server, 'POST', '/api/rooms/join', { token: ann.token, body: { name: 'Town Square' } });
    expect(first.status).toBe(200);
    expect(first.body.room).toMatchObject({ name: 'Town Square', visibility: 'public', memberCount: 1 });
    const second = await api<{ room: Room }>(server, 'POST', '/api/rooms/join', { token: bob.token, body: { name: 'town square' } });
    expect(second.body.room).toMatchObject({ id: first.body.room.id, memberCount: 2 });
  });

  it('concurrent joins by the same new name end in one room', async () => {
    const people = await Promise.all(Array.from({ length: 8 }, () => guest(server)));
    const results = await Promise.all(
      people.map((p) => api<{ room: Room }>(server, 'POST', '/api/rooms/join', { token: p.token, body: { name: 'stampede' } })),
    );
    expect(results.map((r) => r.status)).toEqual(people.map(() => 200));
    expect(new Set(results.map((r) => r.body.room.id)).size).toBe(1);
    const room = await api<{ room: Room }>(server, 'GET', `/api/rooms/${results[0]!.body.room.id}`, { token: ann.token });
    expect(room.body.room.memberCount).toBe(8);
  });
});

describe('history', () => {
  it('pages back with before, forward with after, oldest first, with hasMore at the edges', async () => {
    const room = await createRoom(server, ann, 'long history');
    const sock = await connect(server, ann.token);
    for (let i = 1; i <= 120; i++) await send(sock, room.id, `m${i}`);
    sock.close();
    type Page = { messages: Message[]; hasMore: boolean };
    const get = (q: string) => api<Page>(server, 'GET', `/api/rooms/${room.id}/messages${q}`, { token: ann.token });
    const seqs = (p: Page) => p.messages.map((m) => m.seq);
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

    const newest = (await get('')).body;
    expect(seqs(newest)).toEqual(range(71, 120));
    expect(newest.hasMore).toBe(true);
    const older = (await get('?before=71&limit=100')).body;
    expect(seqs(older)).toEqual(range(1, 70));
    expect(older.hasMore).toBe(false);
    const after = (await get('?after=100&limit=10')).body;
    expect(seqs(after)).toEqual(range(101, 110));
    expect(after.hasMore).toBe(true);
    expect((await get('?after=110&limit=10')).body.hasMore).toBe(false);
  });

  it.each([['?limit=0'], ['?limit=101'], ['?limit=abc'], ['?before=-1'], ['?before=3&after=1']])(
    'refuses %s with BAD_REQUEST',
    async (q) => {
      const room = await createRoom(server, bob, `bad query ${q}`);
      const res = await api(server, 'GET', `/api/rooms/${room.id}/messages${q}`, { token: bob.token });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    },
  );
});
