import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guest, waitFor, type Guest, type TestServer } from '../support/hearth.js';
import { pick, random, junkText } from '../support/random.js';
import { openRawSocket } from './raw-socket.js';
import { serverStillChats as stillChats, signedInRawSocket, startTarget, type Target } from './still-serving.js';

let target: Target;
let server: TestServer;
let ann: Guest;
let roomId: string;
beforeAll(async () => {
  target = await startTarget('fuzzed transport');
  ({ server, ann, roomId } = target);
});
afterAll(async () => server.stop());

/** Header values travel as bytes: non-Latin-1 text goes out as its raw UTF-8 bytes. */
const asHeaderBytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** The fuzz signs itself out and changes its own account: it gets a guest of its own. */
let fuzzer: Guest;

function randomHeaders(next: () => number): Record<string, string> {
  const headers: Record<string, string> = {};
  const token = fuzzer.token;
  const candidates: Record<string, () => string> = {
    cookie: () =>
      pick(next, [`hearth_session=${junkText(next, 80)}`, `hearth_session=${token}`, junkText(next, 200), `hearth_session=${token}%`]),
    authorization: () => pick(next, [`Bearer ${junkText(next, 80)}`, `Bearer ${token}`, junkText(next, 60), 'Bearer']),
    origin: () => pick(next, ['null', 'http://evil.example', junkText(next, 40), server.url]),
    'content-type': () =>
      pick(next, ['application/json', 'text/plain', 'application/json; charset=utf-16', junkText(next, 30), 'multipart/form-data']),
    'x-forwarded-for': () => pick(next, ['1.2.3.4', junkText(next, 40), '::1, 10.0.0.1', '999.999.1.1']),
    accept: () => junkText(next, 40),
    'accept-encoding': () => pick(next, ['br', 'gzip;q=0', junkText(next, 30)]),
  };
  for (const [name, make] of Object.entries(candidates)) if (next() < 0.5) headers[name] = asHeaderBytes(make());
  return headers;
}

function randomPath(next: () => number, url: string): string {
  const filled = url.replace(/:[^/]+/g, () => pick(next, [roomId, junkText(next, 20).replace(/[/?#]/g, ''), '%E0', 'x']));
  const query = next() < 0.4 ? `?${junkText(next, 40).replace(/#/g, '')}` : '';
  return encodeURI(filled).replace(/%25/g, '%') + query;
}

function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('latin1');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const serverStillChats = () => stillChats(target);

describe('seeded fuzz of every surface a client controls', () => {
  it('300 requests with random headers, cookies, paths and bodies on every route: no 500', async () => {
    const next = random(20261201);
    for (let i = 0; i < 300; i++) {
      if (i % 25 === 0) fuzzer = await guest(server);
      const { method, url } = server.routes[i % server.routes.length]!;
      const path = randomPath(next, url);
      const body =
        method === 'GET'
          ? undefined
          : pick(next, ['{}', junkText(next, 100), JSON.stringify({ name: junkText(next, 30), code: junkText(next, 9) }), '']);
      const { status, text } = await rawRequest(method, path, randomHeaders(next), body);
      expect(status, `${method} ${path}`).toBeGreaterThanOrEqual(200);
      expect(status, `${method} ${path}: ${text.slice(0, 200)}`).toBeLessThan(500);
      if (status >= 400 && path.startsWith('/api/'))
        expect(JSON.parse(text), `${method} ${path}: ${text}`).toMatchObject({ error: { code: expect.any(String) } });
    }
    await serverStillChats();
  }, 60_000);

  it('80 handshakes with random auth and headers: refused or closed, never let in, never a crash', async () => {
    const next = random(7);
    fuzzer = await guest(server);
    for (let i = 0; i < 80; i++) {
      const auth = pick(next, [
        { token: junkText(next, 60) },
        { token: next() },
        junkText(next, 20),
        [junkText(next, 5)],
        { nested: { token: fuzzer.token } },
        null,
      ]);
      const headers: Record<string, string> = {
        ...randomHeaders(next),
        ...(next() < 0.5 ? { cookie: `hearth_session=${asHeaderBytes(junkText(next, 40))}` } : {}),
      };
      delete headers.authorization; // the handshake reads only auth and the cookie; a valid Bearer here would mean nothing
      if (headers.cookie?.includes(fuzzer.token)) delete headers.cookie;
      const raw = await openRawSocket(server.url, headers);
      await waitFor(() => raw.frames.some((f) => f.startsWith('0{')), 'the Engine.IO open packet');
      raw.send(`40${auth === null ? '' : JSON.stringify(auth)}`);
      const answer = await Promise.race([
        waitFor(() => raw.frames.find((f) => f.startsWith('4')), 'an answer to the connect', 5000),
        raw.closedWithin(5000).then((code) => `closed ${code}`),
      ]);
      raw.close();
      expect(answer, JSON.stringify({ auth, headers }).slice(0, 200)).not.toMatch(/^40/);
      if (answer.startsWith('44'))
        expect(JSON.parse(answer.slice(2))).toMatchObject({ data: { code: expect.stringMatching(/^(UNAUTHENTICATED|FORBIDDEN)$/) } });
    }
    await serverStillChats();
  }, 60_000);

  it('200 random frames over signed-in plain WebSockets: each closes its socket or is ignored', async () => {
    const next = random(99);
    const prefixes = ['0', '1', '2', '3', '4', '40', '41', '42', '43', '44', '45', '46', '451-', '4999-', '9', ''];
    for (let i = 0; i < 20; i++) {
      const raw = await signedInRawSocket(server.url, ann.token);
      for (let j = 0; j < 10; j++) {
        const payload = pick(next, [
          junkText(next, 60),
          `["message:send",${JSON.stringify({ roomId, text: junkText(next, 20), clientId: junkText(next, 10) })}]`,
          `["room:join",{"roomId":${JSON.stringify(junkText(next, 10))}}`,
          `[${junkText(next, 10)}]`,
          `["message:send",{"_placeholder":true,"num":${Math.floor(next() * 5)}}]`,
        ]);
        raw.send(`${pick(next, prefixes)}${payload}`);
      }
      await raw.closedWithin(50);
      raw.close();
    }
    await serverStillChats();
  }, 60_000);
});
