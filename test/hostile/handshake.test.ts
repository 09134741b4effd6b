import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, guest, startHearth, type Guest, type TestServer } from '../support/hearth.js';

let server: TestServer;
let ann: Guest;
beforeAll(async () => {
  server = await startHearth();
  ann = await guest(server);
});
afterAll(async () => server.stop());

/** Opens a socket with whatever a client chooses to send, and reports how the handshake ended. */
type Outcome = { connected: boolean; data: unknown; message: string };
function handshake(options: { auth?: unknown; cookie?: string; authorization?: string }): Promise<Outcome> {
  const socket = connectSocket(server.url, {
    // Deliberately untyped: the client controls this object entirely.
    auth: options.auth as Record<string, unknown>,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: {
      ...(options.cookie !== undefined ? { cookie: options.cookie } : {}),
      ...(options.authorization !== undefined ? { authorization: options.authorization } : {}),
    },
  });
  return new Promise((resolve) => {
    // A packet the server cannot even parse (over the frame limit, not an object) closes the
    // connection. The client also closes on a refusal, just before it reports it: hence the delay.
    socket.io.once('close', (reason) => setTimeout(() => resolve({ connected: false, data: 'closed', message: String(reason) })));
    socket.once('connect', () => {
      resolve({ connected: true, data: undefined, message: '' });
      socket.disconnect();
    });
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      resolve({ connected: false, data: error.data, message: error.message });
      socket.disconnect();
    });
  });
}

async function stillServing(): Promise<void> {
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  expect((await api(server, 'GET', '/api/me', { token: ann.token })).status).toBe(200);
}

describe('a hostile handshake is refused and the server keeps serving', () => {
  it.each([
    ['a truncated percent-escape', 'hearth_session=%E0%A4%A'],
    ['a lone percent sign', 'hearth_session=%'],
    ['an overlong cookie', `hearth_session=${'%41'.repeat(2000)}`],
    ['an empty value', 'hearth_session='],
    ['a cookie without a value', 'hearth_session'],
    ['a duplicate of a malformed one', 'hearth_session=%; hearth_session=%E0'],
  ])('a cookie with %s gets UNAUTHENTICATED', async (_what, cookie) => {
    const outcome = await handshake({ cookie });
    expect(outcome).toMatchObject({ connected: false, data: { code: 'UNAUTHENTICATED' } });
    await stillServing();
  });

  it.each([
    ['a token that is an object', { token: { toString: 'x' } }],
    ['a token that is a number', { token: 7 }],
    ['a token of 60 KB', { token: 'x'.repeat(60_000) }],
    ['a prototype key', JSON.parse('{"__proto__":{"token":"x"}}')],
    ['an empty object', {}],
  ])('auth that is %s gets UNAUTHENTICATED', async (_what, auth) => {
    const outcome = await handshake({ auth });
    expect(outcome).toMatchObject({ connected: false, data: { code: 'UNAUTHENTICATED' } });
    await stillServing();
  });

  it.each([
    ['a number', 42],
    ['an array', ['token']],
    ['a string', 'token'],
    ['a token of 100 KB', { token: 'x'.repeat(100_000) }],
    ['an object of 100 KB', Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 'v'.repeat(16)]))],
  ])('auth that is %s is refused or closed, never let in', async (_what, auth) => {
    const outcome = await handshake({ auth });
    expect(outcome.connected).toBe(false);
    expect(['closed', { code: 'UNAUTHENTICATED' }]).toContainEqual(outcome.data);
    await stillServing();
  });

  it('a valid token still connects after all of the above', async () => {
    expect(await handshake({ auth: { token: ann.token } })).toMatchObject({ connected: true });
  });
});

describe('handshake errors say what happened, never how', () => {
  it('a session store failing with driver text gives UNAVAILABLE, and the text stays in the log', async () => {
    let failing = false;
    const lines: string[] = [];
    const flaky = await startHearth(
      { logLevel: 'error' },
      {
        logStream: { write: (line: string) => void lines.push(line) },
        wrapStores: (stores) => ({
          ...stores,
          sessions: {
            ...stores.sessions,
            findSessionUser: (hash, now, createdAfter) =>
              failing
                ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'))
                : stores.sessions.findSessionUser(hash, now, createdAfter),
          },
        }),
      },
    );
    try {
      const bob = await guest(flaky);
      failing = true;
      const outcome = await new Promise<{ data: unknown; message: string }>((resolve) => {
        const socket = connectSocket(flaky.url, {
          auth: { token: bob.token },
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        });
        socket.once('connect_error', (error: Error & { data?: unknown }) => {
          socket.disconnect();
          resolve({ data: error.data, message: error.message });
        });
      });
      expect(outcome.data).toEqual({ code: 'UNAVAILABLE' });
      expect(outcome.message).not.toMatch(/ECONNREFUSED|5432/);
      expect(lines.join('')).toMatch(/ECONNREFUSED/);
    } finally {
      await flaky.stop();
    }
  });
});
