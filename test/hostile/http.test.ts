import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, guest, startHearth, type Guest, type TestServer } from '../support/hearth.js';

let server: TestServer;
let ann: Guest;
beforeAll(async () => {
  server = await startHearth();
  ann = await guest(server);
});
afterAll(async () => server.stop());

/** A route's path with its parameters filled in, so the request reaches the handler. */
export function concrete(url: string, value = 'x'): string {
  return url.replace(/:[^/]+/g, value);
}

async function expectClientError(method: string, path: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(server.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: method === 'GET' ? undefined : '{}',
  });
  const text = await res.text();
  expect(res.status, `${method} ${path} ${JSON.stringify(headers).slice(0, 80)}`).toBeLessThan(500);
  if (res.status >= 400 && path.startsWith('/api/')) {
    expect(JSON.parse(text)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  }
}

async function stillServing(): Promise<void> {
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  expect((await api(server, 'GET', '/api/me', { token: ann.token })).status).toBe(200);
}

const badCookies = [
  'hearth_session=%',
  'hearth_session=%E0%A4%A',
  `hearth_session=${'%41'.repeat(1500)}`,
  'hearth_session',
  '=;;=;',
  'a=%; hearth_session=%ZZ',
];
const badAuthorizations = ['Bearer', 'Bearer ', 'Bearer a b', 'Basic Zm9vOmJhcg==', `Bearer ${'x'.repeat(6000)}`, 'Bearer %E0', '\u0000'];

describe('headers a client controls, on every route', () => {
  it('the server registered the routes this test walks', () => {
    expect(server.routes.length).toBeGreaterThan(10);
  });

  it('a malformed session cookie is no session: 401 on /api/me, never 500', async () => {
    for (const cookie of badCookies) {
      const res = await api(server, 'GET', '/api/me', { headers: { cookie } });
      expect(res.status, cookie).toBe(401);
      expect(res.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
    await stillServing();
  });

  it('bad cookies and Authorization headers get a 4xx on every route', async () => {
    for (const { method, url } of server.routes) {
      for (const cookie of badCookies) await expectClientError(method, concrete(url), { cookie });
      for (const authorization of badAuthorizations.filter((a) => !a.includes('\u0000'))) {
        await expectClientError(method, concrete(url), { authorization });
      }
    }
    await stillServing();
  });
});

describe('addresses a client controls', () => {
  it.each([['/api/rooms/%E0/messages'], ['/api/rooms/%E0'], ['/api/rooms/%/messages'], ['/rooms/%E0'], ['/join/%E0%A4%A']])(
    '%s is a 400 in the error format, not a crash',
    async (path) => {
      const res = await api(server, 'GET', path, { token: ann.token });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'BAD_REQUEST', message: expect.any(String) } });
      await stillServing();
    },
  );

  it.each([
    ['?limit=%E0', '?limit=%E0'],
    ['?limit=1&limit=2', '?limit=1&limit=2'],
    ['?before[a]=1', '?before[a]=1'],
    ['?before=1&after=2', '?before=1&after=2'],
    ['?limit=1e999', '?limit=1e999'],
    ['?%E0=1', '?%E0=1'],
    ['?__proto__[limit]=1', '?__proto__[limit]=1'],
    ['?before= 5000 nines', `?before=${'9'.repeat(5000)}`],
  ])('a history query %s gets a 4xx', async (_label, query) => {
    const res = await api(server, 'GET', `/api/rooms/x/messages${query}`, { token: ann.token });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await stillServing();
  });

  it.each([
    ['a header with a control byte', 'GET /api/me HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n', 400],
    ['a line that is no header', 'GET /api/me HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n', 400],
    ['broken chunked framing', 'POST /api/direct HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', 400],
    ['headers over the limit', `GET /api/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
  ])('a request the HTTP parser cannot read (%s) gets the error envelope, not a crash', async (_label, raw, status) => {
    const { port } = new URL(server.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end(raw));
      let text = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer.startsWith(`HTTP/1.1 ${status} `), answer.slice(0, 80)).toBe(true);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: { code: 'BAD_REQUEST', message: expect.any(String) },
    });
    await stillServing();
  });
});
