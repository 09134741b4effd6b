import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startHearth, type TestServer } from '../support/hearth.js';
import { defaultRateRules } from '../../src/server/core/shared/rate-rules.js';
import { goodPassword, login, median, recordingMailer, registered, resetPassword, timed, unique } from '../support/accounts.js';

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

/** A server behind one trusted proxy (this machine), so a test can speak from many addresses. */
async function limitedServer(overrides: Parameters<typeof startHearth>[0] = {}, deps: Parameters<typeof startHearth>[1] = {}) {
  return startHearth({ rateLimits: true, trustProxy: ['127.0.0.1'], ...overrides }, deps);
}
const from = (address: string) => ({ 'x-forwarded-for': address });

describe('guessing passwords', () => {
  it('after 5 failures from one address that login is refused there, even with the right password, saying for how long', async () => {
    const limited = await limitedServer();
    try {
      const account = await registered(limited);
      for (let i = 0; i < 5; i++) expect((await login(limited, account.user.username, `guess ${i}`, from('203.0.113.9'))).status).toBe(401);
      const locked = await login(limited, account.user.username, goodPassword, from('203.0.113.9'));
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ error: { code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) } });
      expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.stop();
    }
  });

  it("an attacker's failures do not lock the owner out: the owner signs in from their own address", async () => {
    const limited = await limitedServer();
    try {
      const account = await registered(limited);
      for (let i = 0; i < 8; i++) await login(limited, account.user.username, `guess ${i}`, from('203.0.113.9'));
      expect((await login(limited, account.user.username, goodPassword, from('198.51.100.7'))).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });

  it('a locked username does not make its e-mail answer 429: the answers never link the two', async () => {
    const limited = await limitedServer();
    try {
      const account = await registered(limited);
      for (let i = 0; i < 6; i++) await login(limited, account.user.username, `guess ${i}`, from('203.0.113.9'));
      const byEmail = await login(limited, account.email, 'another guess', from('203.0.113.9'));
      const stranger = await login(limited, unique('nobody') + '@example.org', 'another guess', from('203.0.113.9'));
      expect(byEmail.status).toBe(401);
      expect(byEmail.body).toEqual(stranger.body);
    } finally {
      await limited.stop();
    }
  });

  it('50 wrong logins in parallel give at most the allowed 5 answers of 401; the rest are 429', async () => {
    const limited = await limitedServer();
    try {
      const account = await registered(limited);
      const statuses = await Promise.all(
        Array.from({ length: 50 }, (_, i) => login(limited, account.user.username, `parallel ${i}`).then((r) => r.status)),
      );
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
    } finally {
      await limited.stop();
    }
  });

  it('the wait grows: past the first minute, 10 failures in a quarter hour, then 20 in a day', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const limited = await limitedServer({}, { clock: { now: () => new Date(now) } });
    try {
      const account = await registered(limited);
      const attempt = () => login(limited, account.user.username, 'wrong', from('203.0.113.9'));
      const waits: number[] = [];
      for (let round = 0; round < 4; round++) {
        for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
        const refused = await attempt();
        expect(refused.status).toBe(429);
        const { retryAfterMs } = (refused.body as unknown as { error: { retryAfterMs: number } }).error;
        waits.push(retryAfterMs);
        now += retryAfterMs;
      }
      expect(waits[0]).toBeLessThanOrEqual(60_000);
      expect(waits[1]).toBeGreaterThan(60_000);
      expect(waits[3]).toBeGreaterThan(waits[1]!);
    } finally {
      await limited.stop();
    }
  });

  it('a day caps the guesses at one login from everywhere, and a password reset clears the cap', async () => {
    const mailer = recordingMailer();
    const rateRules = { ...defaultRateRules, loginPerLoginDaily: { name: 'login:day', limit: 12, windowMs: 86_400_000 } };
    const limited = await limitedServer({}, { rateRules, mailer });
    try {
      const account = await registered(limited);
      for (let i = 0; i < 12; i++)
        expect((await login(limited, account.user.username, 'wrong', from(`192.0.2.${i + 1}`))).status).toBe(401);
      expect((await login(limited, account.user.username, goodPassword, from('198.51.100.7'))).status).toBe(429);
      await resetPassword(limited, mailer, account.email, 'a brand new passphrase');
      expect((await login(limited, account.user.username, 'a brand new passphrase', from('198.51.100.7'))).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });

  it('one address trying many accounts is stopped after 50 failures', async () => {
    const limited = await limitedServer();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 51; i++) statuses.push((await login(limited, unique('spray'), 'password123', from('203.0.113.50'))).status);
      expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
      expect(statuses[50]).toBe(429);
    } finally {
      await limited.stop();
    }
  });
});

describe('proxy trust', () => {
  it('a client that sends its own X-Forwarded-For to a server trusting no proxy cannot start the per-address count afresh', async () => {
    const limited = await startHearth({ rateLimits: true });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 51; i++) statuses.push((await login(limited, unique('spray'), 'password123', from(`192.0.2.${i}`))).status);
      expect(statuses[50]).toBe(429);
    } finally {
      await limited.stop();
    }
  });

  it('behind a trusted proxy that appends, the address is the one the proxy saw, not what the client wrote', async () => {
    const limited = await limitedServer();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 51; i++)
        statuses.push((await login(limited, unique('spray'), 'password123', from(`192.0.2.${i}, 203.0.113.77`))).status);
      expect(statuses[50]).toBe(429);
    } finally {
      await limited.stop();
    }
  });
});
