import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, Room } from '../../src/contract/types.js';
import { createRoom, send } from '../support/chat.js';
import { api, connect, guest, startHearth, type TestServer } from '../support/hearth.js';
import { goodPassword, register, unique } from '../support/accounts.js';

let server: TestServer;
beforeAll(async () => {
  server = await startHearth();
});
afterAll(async () => server.stop());

describe('signing up', () => {
  it('the first account is an admin, later ones members; the password never comes back', async () => {
    const first = await register(server);
    const second = await register(server);
    expect(first.status).toBe(201);
    expect(first.body.user.kind).toBe('admin');
    expect(second.body.user.kind).toBe('member');
    for (const res of [first, second]) {
      expect(JSON.stringify(res.body)).not.toContain(goodPassword);
      expect(res.headers.get('set-cookie')).toMatch(/^hearth_session=.+HttpOnly.+SameSite=Lax/i);
    }
  });

  it('an e-mail address is unique case-insensitively, and so is a username', async () => {
    const name = unique('Casey');
    await register(server, { username: name, email: `${name}@Example.org` });
    const sameMail = await register(server, { email: `${name.toUpperCase()}@example.ORG` });
    expect(sameMail.status).toBe(409);
    expect(sameMail.body).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringMatching(/e-mail/) } });
    const sameName = await register(server, { username: name.toLowerCase() });
    expect(sameName.status).toBe(409);
    expect((await guest(server, name.toUpperCase()).catch((e: Error) => e.message)) as string).toMatch(/409/);
  });

  it.each([
    ['9 characters', 'x'.repeat(9), 400],
    ['10 characters', 'x'.repeat(10), 201],
    ['256 characters', 'p'.repeat(256), 201],
    ['257 characters', 'p'.repeat(257), 400],
    ['no composition rules: all one letter', 'aaaaaaaaaaaa', 201],
  ])('a password of %s answers %i', async (_what, password, status) => {
    const res = await register(server, { password });
    expect(res.status).toBe(status);
    if (status === 400) expect(res.body).toMatchObject({ error: { code: 'BAD_REQUEST', message: expect.stringMatching(/password/i) } });
  });

  it('refuses a malformed e-mail address with BAD_REQUEST', async () => {
    const res = await register(server, { email: 'not-an-address' });
    expect(res.status).toBe(400);
  });
});

describe('a guest who signs up', () => {
  it('keeps their id, name, rooms and messages; their old guest token stops working', async () => {
    const name = unique('Guest');
    const visitor = await guest(server, name);
    const room = await createRoom(server, visitor, unique('den'));
    const socket = await connect(server, visitor.token);
    const sent = await send(socket, room.id, 'written as a guest');
    socket.close();

    const res = await register(server, { username: name }, visitor.token);
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ id: visitor.user.id, username: name, createdAt: visitor.user.createdAt });
    expect(res.body.user.kind).not.toBe('guest');
    expect(res.body.token).not.toBe(visitor.token);

    const rooms = await api<{ rooms: Room[]; memberOf: string[] }>(server, 'GET', '/api/rooms', { token: res.body.token });
    expect(rooms.body.memberOf).toContain(room.id);
    const page = await api<{ messages: Message[] }>(server, 'GET', `/api/rooms/${room.id}/messages`, { token: res.body.token });
    expect(page.body.messages).toEqual([sent.ok && sent.message]);
    expect((await api(server, 'GET', '/api/me', { token: visitor.token })).status).toBe(401);
  });

  it('may take another free name, but not a taken one, and a refusal leaves the guest a guest', async () => {
    const visitor = await guest(server, unique('Drifter'));
    const taken = await register(server, {}, undefined);
    const clash = await register(server, { username: taken.body.user.username }, visitor.token);
    expect(clash.status).toBe(409);
    const me = await api<{ user: { kind: string } }>(server, 'GET', '/api/me', { token: visitor.token });
    expect(me.body.user.kind).toBe('guest');
    const renamed = await register(server, { username: unique('Settled') }, visitor.token);
    expect(renamed.status).toBe(201);
    expect(renamed.body.user.id).toBe(visitor.user.id);
  });
});
