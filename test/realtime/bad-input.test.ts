import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import { commands } from '../../src/contract/commands.js';
import { createRoom, enter, send, sendRaw } from '../support/chat.js';
import { connect, guest, startHearth, type Client, type Guest, type TestServer } from '../support/hearth.js';

let server: TestServer;
let ann: Guest;
let sock: Client;
let roomId: string;

beforeAll(async () => {
  server = await startHearth();
  ann = await guest(server);
  roomId = (await createRoom(server, ann, 'fuzz')).id;
  sock = await connect(server, ann.token);
});
afterAll(async () => {
  sock.close();
  await server.stop();
});

const hostile: Array<[string, unknown[]]> = [
  ['message:send', []],
  ['message:send', [null]],
  ['message:send', ['text']],
  ['message:send', [42]],
  ['message:send', [[]]],
  ['message:send', [{}]],
  ['message:send', [{ roomId: 'x', text: 'hi' }]],
  ['message:send', [{ roomId: 'x', clientId: 'c' }]],
  ['message:send', [{ roomId: 'x', text: '', clientId: 'c' }]],
  ['message:send', [{ roomId: 'x', text: '   \n\t', clientId: 'c' }]],
  ['message:send', [{ roomId: 'x', text: 'a'.repeat(4001), clientId: 'c' }]],
  ['message:send', [{ roomId: 'x', text: 'hi', clientId: '' }]],
  ['message:send', [{ roomId: 'x', text: 'hi', clientId: 'c'.repeat(65) }]],
  ['message:send', [{ roomId: 7, text: 'hi', clientId: 'c' }]],
  ['message:send', [{ roomId: 'x', text: { toString: 'boom' }, clientId: 'c' }]],
  ['message:send', [{ roomId: 'x', text: ['hi'], clientId: 'c' }]],
  ['message:send', [{ __proto__: { roomId: 'x' }, text: 'hi', clientId: 'c' }]],
  ['room:join', [{}]],
  ['room:join', [{ roomId: '' }]],
  ['room:join', [{ roomId: 'x', afterSeq: -1 }]],
  ['room:join', [{ roomId: 'x', afterSeq: 1.5 }]],
  ['room:join', [{ roomId: 'x', afterSeq: '3' }]],
  ['room:join', [{ roomId: 'x'.repeat(1000) }]],
  ['room:leave', [undefined]],
  ['room:leave', [{ roomId: null }]],
  // Every command in the contract's table, with payloads no schema accepts.
  ...Object.keys(commands).flatMap((event): Array<[string, unknown[]]> => [
    [event, []],
    [event, [null]],
    [event, ['text']],
    [event, [{ roomId: ['x'] }]],
  ]),
];

describe('malformed events', () => {
  it.each(hostile)('%s %j gets BAD_REQUEST and the socket keeps working', async (event, args) => {
    const ack = await sendRaw(sock, event, ...args);
    expect(ack).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.any(String) } });
    expect(sock.socket.connected).toBe(true);
  });

  it('stored nothing while refusing all of the above', async () => {
    const entry = await enter(sock, roomId);
    expect(entry.ok && entry.messages).toEqual([]);
  });

  it('an event with a bad payload sent to a real room stores nothing', async () => {
    const ack = await sendRaw(sock, 'message:send', { roomId, text: 'x'.repeat(4001), clientId: 'too-long' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const entry = await enter(sock, roomId);
    expect(entry.ok && entry.room.lastSeq).toBe(0);
  });

  it('accepts exactly 4000 characters, trailing white space not counted', async () => {
    const ack = await send(sock, roomId, `${'y'.repeat(4000)}   `);
    expect(ack.ok && ack.message.text.length).toBe(4000);
  });

  it('unknown events and events without an acknowledgement are ignored, not fatal', async () => {
    const loose = sock.socket as unknown as { emit(event: string, ...args: unknown[]): void };
    loose.emit('message:send', { roomId, text: 'no ack', clientId: 'no-ack' });
    loose.emit('admin:drop_tables', {});
    const ack = await send(sock, roomId, 'still alive');
    expect(ack.ok).toBe(true);
    const entry = await enter(sock, roomId);
    expect(entry.ok && entry.messages.map((m) => m.text)).not.toContain('no ack');
  });

  it('a frame over 64 KB closes only that connection; everyone else is served', async () => {
    const bully = await connect(server, ann.token);
    const closed = new Promise((resolve) => bully.socket.once('disconnect', resolve));
    void sendRaw(bully, 'message:send', { roomId, text: 'z'.repeat(70 * 1024), clientId: 'huge' }).catch(() => undefined);
    await closed;
    const ack = await send(sock, roomId, 'after the flood');
    expect(ack.ok).toBe(true);
  });
});

describe('handshake', () => {
  const attempt = (auth: Record<string, unknown> | undefined, headers: Record<string, string> = {}) =>
    new Promise<unknown>((resolve) => {
      const s = connectSocket(server.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers });
      s.once('connect', () => {
        s.disconnect();
        resolve('connected');
      });
      s.once('connect_error', (err: Error & { data?: unknown }) => resolve(err.data));
    });

  it('refuses a socket without a session with connect_error UNAUTHENTICATED', async () => {
    expect(await attempt(undefined)).toEqual({ code: 'UNAUTHENTICATED' });
    expect(await attempt({ token: 'forged' })).toEqual({ code: 'UNAUTHENTICATED' });
    expect(await attempt({ token: 12 })).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a cookie handshake from a foreign origin and accepts one from our own', async () => {
    const cookie = `hearth_session=${ann.token}`;
    expect(await attempt(undefined, { cookie, origin: 'https://evil.example' })).toEqual({ code: 'FORBIDDEN' });
    expect(await attempt(undefined, { cookie, origin: server.url })).toBe('connected');
  });
});
