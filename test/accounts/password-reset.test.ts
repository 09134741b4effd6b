import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, startHearth, waitFor, type TestServer } from '../support/hearth.js';
import { goodPassword, login, median, registered, timed, unique } from '../support/accounts.js';
import { resetLinkIn, startMailReceiver } from '../support/mail-receiver.js';

let server: TestServer;
let receiver: Awaited<ReturnType<typeof startMailReceiver>>;
let now = Date.parse('2026-11-21T10:00:00.000Z');
beforeAll(async () => {
  receiver = await startMailReceiver();
  const clock = { now: () => new Date(now) };
  server = await startHearth(
    { smtpUrl: receiver.url, mailFrom: 'Hearth <hearth@example.org>', publicUrl: 'https://chat.example.org' },
    { clock },
  );
});
afterAll(async () => {
  await server.stop();
  await receiver.close();
});

const requestReset = (email: string) => api<{ message: string }>(server, 'POST', '/api/auth/password-reset', { body: { email } });
const confirm = (token: string, password: string) => api(server, 'POST', '/api/auth/password-reset/confirm', { body: { token, password } });
async function mailedToken(email: string): Promise<string> {
  const mail = await waitFor(() => receiver.mails.find((m) => m.to.includes(email) && !m.raw.includes('consumed')), `mail to ${email}`);
  mail.raw += 'consumed';
  const link = resetLinkIn(mail.raw);
  if (!link) throw new Error(`no link in ${mail.raw}`);
  expect(link.startsWith('https://chat.example.org/reset/')).toBe(true);
  return link.split('/reset/')[1]!;
}

describe('password reset by e-mail', () => {
  it('answers 202 with the same body for a known and an unknown address; only the known one gets mail', async () => {
    const account = await registered(server);
    const stranger = `${unique('stranger')}@example.org`;
    const known = await requestReset(account.email.toUpperCase());
    const unknown = await requestReset(stranger);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    await mailedToken(account.email);
    expect(receiver.mails.some((m) => m.to.includes(stranger))).toBe(false);
  });

  it('answers a known and an unknown address in about the same time', async () => {
    const account = await registered(server);
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      knownTimes.push(await timed(() => requestReset(account.email)));
      unknownTimes.push(await timed(() => requestReset(`${unique('nobody')}@example.org`)));
    }
    expect(Math.abs(median(knownTimes) - median(unknownTimes))).toBeLessThan(20);
  });

  it('the link sets a new password once, ends every session and disconnects their sockets', async () => {
    const account = await registered(server);
    const socket = await connect(server, account.token);
    const gone = new Promise((resolve) => socket.socket.once('disconnect', resolve));
    await requestReset(account.email);
    const token = await mailedToken(account.email);
    expect(token.length).toBeGreaterThanOrEqual(22);

    expect((await confirm(token, 'my fresh passphrase')).status).toBe(204);
    await gone;
    expect((await api(server, 'GET', '/api/me', { token: account.token })).status).toBe(401);
    expect((await login(server, account.email, goodPassword)).status).toBe(401);
    expect((await login(server, account.email, 'my fresh passphrase')).status).toBe(200);

    const replay = await confirm(token, 'another passphrase');
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ error: { code: 'BAD_REQUEST', message: expect.stringMatching(/invalid or has expired/) } });
  });

  it('of two concurrent uses of one link exactly one wins', async () => {
    const account = await registered(server);
    await requestReset(account.email);
    const token = await mailedToken(account.email);
    const results = await Promise.all([confirm(token, 'first passphrase!'), confirm(token, 'second passphrase')]);
    expect(results.map((r) => r.status).sort()).toEqual([204, 400]);
  });

  it('a link older than an hour no longer works', async () => {
    const account = await registered(server);
    await requestReset(account.email);
    const token = await mailedToken(account.email);
    now += 61 * 60_000;
    expect((await confirm(token, 'too late passphrase')).status).toBe(400);
    expect((await login(server, account.email, goodPassword)).status).toBe(200);
  });

  it('stores only a hash of the token', async () => {
    const account = await registered(server);
    await requestReset(account.email);
    const token = await mailedToken(account.email);
    const db = new Database(server.config.databaseUrl.slice('sqlite:'.length), { readonly: true });
    const rows = db.prepare('select * from password_resets').all();
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('refuses a new password outside 10–256 characters without using up the link', async () => {
    const account = await registered(server);
    await requestReset(account.email);
    const token = await mailedToken(account.email);
    expect((await confirm(token, 'short')).status).toBe(400);
    expect((await confirm(token, 'long enough now')).status).toBe(204);
  });
});
