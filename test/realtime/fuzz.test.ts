import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/contract/commands.js';
import { createRoom, send, sendRaw } from '../support/chat.js';
import { random } from '../support/random.js';
import { api, connect, guest, startHearth, type Client, type TestServer } from '../support/hearth.js';

const socketFields = [
  'roomId',
  'text',
  'clientId',
  'afterSeq',
  'seq',
  'messageId',
  'attachments',
  '__proto__',
  'constructor',
  'toString',
  'extra',
];
// The people routes' fields too, so that junk reaches their checks and not only the strict-object refusal.
const httpFields = [
  ...socketFields,
  ...['userIds', 'name', 'displayName', 'status', 'timeZone', 'directPolicy'],
  ...['level', 'muted', 'mentionPolicy', 'digestMinutes', 'endpoint', 'keys', 'p256dh', 'auth'],
];

function junk(next: () => number, roomId: string, depth = 0, keys = socketFields): unknown {
  const pick = Math.floor(next() * 12);
  const strings = ['', ' ', roomId, 'x'.repeat(Math.floor(next() * 5000)), '\u0000', '__proto__', 'constructor', '💥', '{"a":1}'];
  switch (pick) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return next() < 0.5;
    case 3:
      return [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, 1e308][Math.floor(next() * 5)];
    case 4:
      return strings[Math.floor(next() * strings.length)];
    case 5:
      return depth > 3 ? [] : Array.from({ length: Math.floor(next() * 4) }, () => junk(next, roomId, depth + 1, keys));
    default: {
      if (depth > 3) return {};
      const object: Record<string, unknown> = {};
      for (const key of keys) if (next() < 0.6) object[key] = junk(next, roomId, depth + 1, keys);
      return object;
    }
  }
}

let server: TestServer;
let sock: Client;
let roomId: string;
let token: string;
let groupId: string;
let bobId: string;
beforeAll(async () => {
  server = await startHearth();
  const [ann, bob, carol] = [await guest(server), await guest(server), await guest(server)];
  token = ann.token;
  bobId = bob.user.id;
  roomId = (await createRoom(server, ann, 'fuzzed')).id;
  const group = await api<{ room: { id: string } }>(server, 'POST', '/api/direct', {
    token,
    body: { userIds: [bob.user.id, carol.user.id] },
  });
  groupId = group.body.room.id;
  sock = await connect(server, ann.token);
});
afterAll(async () => {
  sock.close();
  await server.stop();
});

describe('random payloads', () => {
  it('400 random socket payloads each get a well-formed ack and the server keeps serving', async () => {
    const next = random(20261121);
    // Every command in the contract's table: a new one is fuzzed without a line here.
    const events = Object.keys(commands);
    for (let i = 0; i < 400; i++) {
      const event = events[i % events.length]!;
      const ack = (await sendRaw(sock, event, junk(next, roomId))) as { ok: boolean; error?: { code: string } };
      expect(typeof ack.ok).toBe('boolean');
      if (!ack.ok) expect(['BAD_REQUEST', 'NOT_FOUND', 'FORBIDDEN']).toContain(ack.error?.code);
    }
    expect(sock.socket.connected).toBe(true);
  });

  it('200 random HTTP bodies never produce a 500', async () => {
    const next = random(42);
    const routes: Array<[string, string]> = [
      ['POST', '/api/auth/guest'],
      ['POST', '/api/rooms'],
      ['POST', '/api/rooms/join'],
      ['POST', '/api/direct'],
      ['PATCH', `/api/direct/${groupId}`],
      ['POST', `/api/direct/${groupId}/people`],
      ['PATCH', '/api/account/profile'],
      ['PUT', `/api/rooms/${roomId}/notifications`],
      ['PATCH', `/api/rooms/${roomId}/settings`],
      ['POST', '/api/push/subscriptions'],
      ['DELETE', '/api/push/subscriptions'],
      ['PATCH', '/api/account/notifications'],
    ];
    for (let i = 0; i < 390; i++) {
      const [method, path] = routes[i % routes.length]!;
      const res = await api(server, method, path, { token, body: JSON.stringify(junk(next, roomId, 0, httpFields) ?? null) });
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400) expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    // Junk search terms, as a query string, get a clear answer too.
    for (let i = 0; i < 50; i++) {
      const q = encodeURIComponent(JSON.stringify(junk(next, roomId)) ?? '');
      const res = await api(server, 'GET', `/api/people?q=${q}`, { token });
      // 431: a query past the header limit, refused by Node before Hearth sees it.
      expect([200, 400, 429, 431]).toContain(res.status);
    }
    // Junk in the path of every route that takes a person or a room there.
    for (let i = 0; i < 60; i++) {
      const raw = junk(next, roomId);
      const value = encodeURIComponent(typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? ''));
      const [method, path] = (
        [
          ['GET', `/api/people/${value}`],
          ['PUT', `/api/blocks/${value}`],
          ['DELETE', `/api/blocks/${value}`],
          ['GET', `/api/rooms/${value}/members`],
          ['PUT', `/api/rooms/${value}/notifications`],
          ['PATCH', `/api/rooms/${value}/settings`],
        ] as const
      )[i % 6]!;
      const res = await api(server, method, path, { token });
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
    }
    expect((await api(server, 'DELETE', `/api/blocks/${bobId}`, { token })).status).toBe(204);
    const ack = await send(sock, roomId, 'still here');
    expect(ack.ok || (!ack.ok && ack.error.code === 'FORBIDDEN')).toBe(true);
  });

  it('random uploads, multipart bodies, file paths and ranges never produce a 500, and leave the server serving', async () => {
    const next = random(7);
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
    const magic = [
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0xff, 0xd8, 0xff, 0xe0],
      [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
      [0x52, 0x49, 0x46, 0x46],
      [0x1a, 0x45, 0xdf, 0xa3],
      [],
    ];
    const names = ['a.png', '', '../../etc/passwd', '\u0000.jpg', '💥'.repeat(300), 'x'.repeat(1000), 'CON', '.htaccess'];
    const targets = [`/api/rooms/${roomId}/files`, '/api/account/avatar', `/api/rooms/${groupId}/files`, '/api/rooms/nope/files'];
    let uploaded: string | undefined;
    for (let i = 0; i < 80; i++) {
      const form = new FormData();
      const fieldCount = Math.floor(next() * 5);
      for (let f = 0; f < fieldCount; f++)
        form.append(['alt', 'x', 'y', 'size', 'file', 'other'][Math.floor(next() * 6)]!, JSON.stringify(junk(next, roomId)) ?? '');
      // A file that starts like a picture or a video and then is noise: the sniffer and decoder meet broken input.
      const head = magic[Math.floor(next() * magic.length)]!;
      const body = new Uint8Array([...head, ...bytes(Math.floor(next() * 3000))]);
      if (next() < 0.9) form.append(next() < 0.8 ? 'file' : 'upload', new Blob([body]), names[Math.floor(next() * names.length)]);
      const response = await fetch(server.url + targets[i % targets.length], {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status, `upload ${i}`).toBeLessThan(500);
      const answer = (await response.json()) as { attachment?: { id: string }; error?: { code: string; message: string } };
      if (response.status >= 400) expect(answer.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      uploaded ??= answer.attachment?.id;
    }
    // Multipart that is not: a body cut short, a wrong boundary, a lying content-type.
    for (const [type, text] of [
      ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc'],
      ['multipart/form-data; boundary=xyz', '--abc\r\n\r\n--abc--'],
      ['multipart/form-data', 'no boundary at all'],
      ['image/png', '\x89PNG'],
    ]) {
      const response = await fetch(`${server.url}/api/rooms/${roomId}/files`, {
        method: 'POST',
        body: text,
        headers: { authorization: `Bearer ${token}`, 'content-type': type! },
      });
      expect(response.status, type).toBeLessThan(500);
    }
    // Junk ids in the files' paths, and junk ranges on a real file.
    for (let i = 0; i < 60; i++) {
      const raw = junk(next, roomId);
      const value = encodeURIComponent(typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? ''));
      const path = [
        `/api/files/${value}`,
        `/api/files/${value}/thumb`,
        `/api/previews/${value}`,
        `/api/people/${value}/avatar?size=${value}`,
      ][i % 4]!;
      const res = await fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, path).toBeLessThan(500);
      // And junk descriptions, of junk ids and of a real unsent file.
      const patched = await api(server, 'PATCH', `/api/files/${i % 2 ? value : (uploaded ?? value)}`, {
        token,
        body: JSON.stringify(junk(next, roomId, 0, [...httpFields, 'alt']) ?? null),
      });
      expect(patched.status).toBeLessThan(500);
    }
    if (uploaded) {
      for (const range of [
        'bytes=',
        'bytes=-',
        'bytes=5-1',
        'bytes=0-0,2-3',
        'bytes=99999999999999999999-',
        'pages=1',
        'bytes=abc',
        `bytes=${'1'.repeat(400)}-`,
      ]) {
        const res = await fetch(`${server.url}/api/files/${uploaded}`, { headers: { authorization: `Bearer ${token}`, range } });
        expect(res.status, range).toBeLessThan(500);
      }
    }
    const ack = await send(sock, roomId, 'still here after the uploads');
    expect(ack.ok).toBe(true);
  });
});
