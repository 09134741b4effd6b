import { describe, expect, it } from 'vitest';
import { createRoom, enter, send } from '../support/chat.js';
import { api, connect, eventsNamed, guest, startHearth, waitFor, waitForAnswer } from '../support/hearth.js';
import { register } from '../support/accounts.js';

const day = 24 * 60 * 60 * 1000;

/** A clock the test moves by hand. */
function movableClock(start = Date.parse('2026-12-01T10:00:00Z')) {
  let now = start;
  return { clock: { now: () => new Date(now) }, advance: (ms: number) => (now += ms) };
}

describe('sessions end, and their sockets with them', () => {
  it('a guest who registers: the guest’s sockets hear session:ended and close', async () => {
    const server = await startHearth();
    try {
      const walker = await guest(server);
      const room = await createRoom(server, walker, 'before the account');
      const sock = await connect(server, walker.token);
      await enter(sock, room.id);
      expect((await register(server, {}, walker.token)).status).toBe(201);
      await waitFor(() => eventsNamed(sock, 'session:ended').length === 1, 'session:ended');
      await waitFor(() => !sock.socket.connected, 'the guest socket to close');
      expect((await api(server, 'GET', '/api/me', { token: walker.token })).status).toBe(401);
    } finally {
      await server.stop();
    }
  });

  it('a session used every day still ends 30 days after sign-in', async () => {
    const time = movableClock();
    const server = await startHearth({}, { clock: time.clock });
    try {
      const ann = await guest(server);
      for (let i = 0; i < 29; i++) {
        time.advance(day);
        expect((await api(server, 'GET', '/api/me', { token: ann.token })).status).toBe(200);
      }
      time.advance(day);
      expect((await api(server, 'GET', '/api/me', { token: ann.token })).status).toBe(401);
    } finally {
      await server.stop();
    }
  });

  it('an open socket whose session expires is told and closed, and can send nothing after', async () => {
    const time = movableClock();
    const server = await startHearth({ sessionSweepMs: 50 }, { clock: time.clock });
    try {
      const ann = await guest(server);
      const room = await createRoom(server, ann, 'expiring');
      const sock = await connect(server, ann.token);
      await enter(sock, room.id);
      expect((await send(sock, room.id, 'while alive')).ok).toBe(true);
      time.advance(31 * day);
      await waitFor(() => eventsNamed<{ reason: string }>(sock, 'session:ended')[0]?.reason === 'session expired', 'session:ended');
      await waitFor(() => !sock.socket.connected, 'the socket to close');
    } finally {
      await server.stop();
    }
  });
});

describe('housekeeping', () => {
  it('removes a silent guest not seen for 30 days, so the name comes free; a guest who wrote stays', async () => {
    const time = movableClock();
    const server = await startHearth({ housekeepingMs: 50 }, { clock: time.clock });
    try {
      const silent = await guest(server, 'Silent Sam');
      const talker = await guest(server, 'Talker Tia');
      await createRoom(server, silent, 'owned');
      const own = await createRoom(server, talker, 'tia room');
      const sock = await connect(server, talker.token);
      await enter(sock, own.id);
      await send(sock, own.id, 'I was here');
      sock.close();
      await guest(server, 'Quiet Quinn');
      time.advance(31 * day);
      await waitForAnswer(
        async () => (await api(server, 'POST', '/api/auth/guest', { body: { username: 'Quiet Quinn' } })).status === 201,
        'the name to come free',
        5000,
      );
      expect((await api(server, 'POST', '/api/auth/guest', { body: { username: 'Talker Tia' } })).status).toBe(409);
      // Owning a room keeps a guest too: the room needs its owner.
      expect((await api(server, 'POST', '/api/auth/guest', { body: { username: 'Silent Sam' } })).status).toBe(409);
    } finally {
      await server.stop();
    }
  });
});
