import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startHearth, type TestServer } from '../support/hearth.js';
import { goodPassword, login, median, registered, timed, unique } from '../support/accounts.js';

let server: TestServer;
beforeAll(async () => {
  server = await startHearth();
});
afterAll(async () => server.stop());

describe('logging in', () => {
  it('works with the username or the e-mail address, in any case', async () => {
    const account = await registered(server);
    for (const name of [account.user.username, account.user.username.toUpperCase(), account.email.toUpperCase()]) {
      const res = await login(server, name, goodPassword);
      expect(res.status).toBe(200);
      expect(res.body.user).toEqual(account.user);
    }
  });

  it('an unknown login and a wrong password look the same', async () => {
    const account = await registered(server);
    const wrong = await login(server, account.user.username, 'not the password');
    const unknown = await login(server, unique('nobody'), 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('an unknown login costs as much time as a wrong password (a hash is checked either way)', async () => {
    const account = await registered(server);
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      wrong.push(await timed(() => login(server, account.user.username, 'not the password')));
      unknown.push(await timed(() => login(server, unique('ghost'), 'not the password')));
    }
    // Without the decoy hash an unknown login answers in about a millisecond, argon2id in tens.
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
    expect(median(unknown)).toBeLessThan(median(wrong) * 2);
  });

  it('a guest has no password to log in with', async () => {
    const res = await api<{ token: string; user: { username: string } }>(server, 'POST', '/api/auth/guest', {
      body: { username: unique('Walker') },
    });
    const attempt = await login(server, res.body.user.username, '');
    expect(attempt.status).toBe(400);
    expect((await login(server, res.body.user.username, 'anything at all')).status).toBe(401);
  });

  it('every login issues a new session, whatever session cookie came with it (no fixation)', async () => {
    const account = await registered(server);
    const planted = `hearth_session=${account.token}`;
    const first = await login(server, account.user.username, goodPassword, { cookie: planted });
    const second = await login(server, account.user.username, goodPassword, { cookie: planted });
    expect(new Set([account.token, first.body.token, second.body.token]).size).toBe(3);
    expect(first.headers.get('set-cookie')).toContain(`hearth_session=${first.body.token}`);
  });

  it('a login from a foreign origin is refused', async () => {
    const account = await registered(server);
    const res = await login(server, account.user.username, goodPassword, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });
});

describe('guessing passwords', () => {
  it('after 5 failures an account is locked for a while, even for the right password, and says for how long', async () => {
    const limited = await startHearth({ rateLimits: true });
    try {
      const account = await registered(limited);
      for (let i = 0; i < 5; i++) expect((await login(limited, account.user.username, `guess ${i}`)).status).toBe(401);
      const locked = await login(limited, account.email, goodPassword);
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ error: { code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) } });
      expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.stop();
    }
  });

  it('one address trying many accounts is stopped after 20 failures', async () => {
    const limited = await startHearth({ rateLimits: true });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await login(limited, unique('spray'), 'password123')).status);
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses[20]).toBe(429);
    } finally {
      await limited.stop();
    }
  });
});
