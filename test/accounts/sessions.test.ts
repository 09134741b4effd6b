import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, eventsNamed, guest, startHearth, type Client, type TestServer } from '../support/hearth.js';
import { goodPassword, login, registered } from '../support/accounts.js';

let server: TestServer;
beforeAll(async () => {
  server = await startHearth();
});
afterAll(async () => server.stop());

const closed = (client: Client) => new Promise<void>((resolve) => client.socket.once('disconnect', () => resolve()));
const status = async (token: string) => (await api(server, 'GET', '/api/me', { token })).status;

describe('ending sessions', () => {
  it('sign out everywhere ends every session and disconnects every socket, telling them why', async () => {
    const account = await registered(server);
    const laptop = (await login(server, account.user.username, goodPassword)).body.token;
    const sockets = [await connect(server, account.token), await connect(server, laptop)];
    const gone = Promise.all(sockets.map(closed));
    expect((await api(server, 'POST', '/api/auth/logout-all', { token: laptop })).status).toBe(204);
    await gone;
    for (const socket of sockets) expect(eventsNamed(socket, 'session:ended')).toHaveLength(1);
    expect(await status(account.token)).toBe(401);
    expect(await status(laptop)).toBe(401);
  });

  it('changing the password ends the other sessions, not this one', async () => {
    const account = await registered(server);
    const phone = (await login(server, account.user.username, goodPassword)).body.token;
    const phoneSocket = await connect(server, phone);
    const mySocket = await connect(server, account.token);
    const phoneGone = closed(phoneSocket);
    const res = await api(server, 'POST', '/api/account/password', {
      token: account.token,
      body: { currentPassword: goodPassword, newPassword: 'a brand new passphrase' },
    });
    expect(res.status).toBe(204);
    await phoneGone;
    expect(await status(phone)).toBe(401);
    expect(await status(account.token)).toBe(200);
    expect(mySocket.socket.connected).toBe(true);
    expect((await login(server, account.user.username, goodPassword)).status).toBe(401);
    expect((await login(server, account.user.username, 'a brand new passphrase')).status).toBe(200);
    mySocket.close();
  });

  it('a wrong current password changes nothing', async () => {
    const account = await registered(server);
    const res = await api(server, 'POST', '/api/account/password', {
      token: account.token,
      body: { currentPassword: 'not it at all', newPassword: 'another passphrase' },
    });
    expect(res.status).toBe(403);
    expect((await login(server, account.user.username, goodPassword)).status).toBe(200);
  });

  it('changing the e-mail asks for the password and refuses an address in use', async () => {
    const account = await registered(server);
    const other = await registered(server);
    const change = (email: string, password: string) =>
      api(server, 'POST', '/api/account/email', { token: account.token, body: { email, password } });
    expect((await change('new@example.org', 'wrong password')).status).toBe(403);
    expect((await change(other.email.toUpperCase(), goodPassword)).status).toBe(409);
    const ok = await change(`Moved.${account.user.username}@Example.org`, goodPassword);
    expect(ok.status).toBe(200);
    const me = await api<{ email: string }>(server, 'GET', '/api/me', { token: account.token });
    expect(me.body.email).toBe(`moved.${account.user.username}@example.org`.toLowerCase());
    expect((await login(server, me.body.email, goodPassword)).status).toBe(200);
  });

  it('a guest has no account settings to change', async () => {
    const visitor = await guest(server);
    const res = await api(server, 'POST', '/api/account/password', {
      token: visitor.token,
      body: { currentPassword: 'x', newPassword: 'y'.repeat(12) },
    });
    expect(res.status).toBe(403);
  });

  it('the session cookie is Secure when the public address is https', async () => {
    const secure = await startHearth({ publicUrl: 'https://chat.example.org' });
    try {
      const res = await api(secure, 'POST', '/api/auth/guest', { body: { username: 'Sunny' } });
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/i);
      expect((await api(server, 'POST', '/api/auth/guest', { body: { username: 'Cloudy' } })).headers.get('set-cookie')).not.toMatch(
        /Secure/i,
      );
    } finally {
      await secure.stop();
    }
  });
});
