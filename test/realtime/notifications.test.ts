import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, Room } from '../../src/contract/types.js';
import { createStores } from '../../src/server/storage/stores.js';
import { openDatabase } from '../../src/server/storage/database.js';
import { createRoom, edit, joinByCode, remove, send } from '../support/chat.js';
import { api, connect, guest, startHearth, waitFor, type Client, type Guest, type TestServer } from '../support/hearth.js';
import { registered } from '../support/accounts.js';
import { startMailReceiver } from '../support/mail-receiver.js';
import { startPushReceiver, type Browser, type PushReceiver } from '../support/push-receiver.js';

type Answer<T> = T & { error?: { code: string; message: string } };

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`notifications: Web Push and e-mail digests (${engine})`, () => {
    let server: TestServer;
    let push: PushReceiver;
    let mail: Awaited<ReturnType<typeof startMailReceiver>>;
    let offset = 0;
    const clock = { now: () => new Date(Date.now() + offset) };
    const sockets: Client[] = [];
    let rooms = 0;

    beforeAll(async () => {
      push = await startPushReceiver();
      mail = await startMailReceiver();
      server = await startHearth(
        {
          pushHosts: ['127.0.0.1'],
          pushCaFile: push.caFile,
          smtpUrl: mail.url,
          publicUrl: 'https://chat.example.org',
          notifyIntervalMs: 3_600_000,
          digestSweepMs: 3_600_000,
        },
        { clock },
        engine,
      );
    });
    afterAll(async () => {
      for (const s of sockets) s.close();
      await server.stop();
      await push.close();
      await mail.close();
    });

    const call = <T = Record<string, never>>(who: Guest | null, method: string, path: string, body?: unknown) =>
      api<Answer<T>>(server, method, path, { ...(who ? { token: who.token } : {}), ...(body !== undefined ? { body } : {}) });
    const open = async (who: Guest) => {
      const socket = await connect(server, who.token);
      sockets.push(socket);
      return socket;
    };
    const sent = async (socket: Client, roomId: string, text: string): Promise<Message> => {
      const ack = await send(socket, roomId, text);
      if (!ack.ok) throw new Error(ack.error.message);
      return ack.message;
    };
    const pushesTo = (browser: Browser) => push.pushes.filter((p) => p.subscription === browser.id);
    /** Runs the queue until it is empty: what the server's own poke after a send does too. */
    const settle = () => server.notifications.runOnce();

    /** Ann's room with Bob in it; Bob's browser subscribed, and Bob away (no socket). */
    async function awayBob() {
      const [ann, bob] = [await guest(server), await guest(server)];
      const room = await createRoom(server, ann, `Porch ${engine} ${process.pid} ${++rooms}`, 'private');
      await joinByCode(server, bob, room.code);
      const browser = push.browser();
      expect((await call(bob, 'POST', '/api/push/subscriptions', browser.subscription)).status).toBe(204);
      return { ann, bob, room, browser, annSocket: await open(ann) };
    }

    it('a person away gets a push, encrypted for their browser and VAPID-signed by this server', async () => {
      const { room, browser, annSocket } = await awayBob();
      const message = await sent(annSocket, room.id, 'Dinner is ready');
      const received = await waitFor(() => pushesTo(browser)[0], 'the push');
      const { publicKey } = (await call<{ publicKey: string }>(null, 'GET', '/api/push/key')).body;
      expect(received.vapid).toMatchObject({ publicKey, audience: push.origin, subject: expect.stringMatching(/^mailto:/) });
      expect(received.payload).toEqual({
        title: expect.stringContaining(room.name),
        body: 'Dinner is ready',
        roomId: room.id,
        messageId: message.id,
        seq: message.seq,
        url: `https://chat.example.org/rooms/${room.id}?seq=${message.seq}`,
      });
      expect(Number(received.ttl)).toBeGreaterThan(0);
      expect(push.refused).toEqual([]);
    });

    it('nothing for the author, for someone connected, for a leaver, for a blocker, or past a level or a mute', async () => {
      const { ann, bob, room, browser, annSocket } = await awayBob();
      const annBrowser = push.browser();
      await call(ann, 'POST', '/api/push/subscriptions', annBrowser.subscription);
      const bobSocket = await open(bob);
      await sent(annSocket, room.id, 'Bob is here');
      await settle();
      bobSocket.close();
      // Away again once the server has seen the socket go.
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Mentions only: a plain message is quiet, a mention pushes.
      await call(bob, 'PUT', `/api/rooms/${room.id}/notifications`, { level: 'mentions' });
      await sent(annSocket, room.id, 'quiet one');
      await settle();
      await sent(annSocket, room.id, `loud @${bob.user.username}`);
      await waitFor(() => pushesTo(browser).length === 1 && pushesTo(browser)[0], 'the mention push');
      expect(pushesTo(browser)[0]?.payload.body).toBe(`loud @${bob.user.username}`);
      await call(bob, 'PUT', `/api/rooms/${room.id}/notifications`, { muted: true });
      await sent(annSocket, room.id, `muted @${bob.user.username}`);
      await settle();
      await call(bob, 'PUT', `/api/rooms/${room.id}/notifications`, { level: 'all', muted: false });
      await call(bob, 'PUT', `/api/blocks/${ann.user.id}`);
      await sent(annSocket, room.id, 'blocked');
      await settle();
      await call(bob, 'DELETE', `/api/blocks/${ann.user.id}`);
      const bobLeaves = await open(bob);
      await bobLeaves.socket.timeout(5000).emitWithAck('room:leave', { roomId: room.id });
      bobLeaves.close();
      await sent(annSocket, room.id, 'after Bob left');
      await settle();
      expect(pushesTo(browser).map((p) => p.payload.body)).toEqual([`loud @${bob.user.username}`]);
      expect(pushesTo(annBrowser)).toEqual([]);
    });

    it('a push service answering 410 ends the subscription; a 500 is tried again later', async () => {
      const { room, browser, annSocket } = await awayBob();
      browser.answer = 500;
      await sent(annSocket, room.id, 'first try fails');
      await settle();
      expect(pushesTo(browser)).toEqual([]);
      browser.answer = 201;
      offset += 11_000;
      await settle();
      expect(pushesTo(browser).map((p) => p.payload.body)).toEqual(['first try fails']);
      browser.answer = 410;
      await sent(annSocket, room.id, 'gone');
      await settle();
      browser.answer = 201;
      await sent(annSocket, room.id, 'after it was gone');
      offset += 60_000;
      await settle();
      expect(pushesTo(browser).map((p) => p.payload.body)).toEqual(['first try fails']);
    });

    it('an edit that adds a mention pushes once; a message deleted before its push is not pushed', async () => {
      const { bob, room, browser, annSocket } = await awayBob();
      await call(bob, 'PUT', `/api/rooms/${room.id}/notifications`, { level: 'mentions' });
      const plain = await sent(annSocket, room.id, 'hello');
      await settle();
      await edit(annSocket, room.id, plain.id, `hello @${bob.user.username}`);
      await waitFor(() => pushesTo(browser)[0], 'the push for the added mention');
      await edit(annSocket, room.id, plain.id, `hello again @${bob.user.username}`);
      await settle();
      expect(pushesTo(browser)).toHaveLength(1);
      browser.answer = 500;
      const doomed = await sent(annSocket, room.id, `soon gone @${bob.user.username}`);
      await settle();
      await remove(annSocket, room.id, doomed.id);
      browser.answer = 201;
      offset += 60_000;
      await settle();
      expect(pushesTo(browser).map((p) => p.payload.messageId)).toEqual([plain.id]);
    });

    it('subscriptions: HTTPS on a push service’s host only, well-formed, one’s own to remove, signed in', async () => {
      const bob = await guest(server);
      const eve = await guest(server);
      const good = push.browser().subscription;
      const bad = [
        { ...good, endpoint: good.endpoint.replace('https:', 'http:') },
        { ...good, endpoint: 'https://169.254.169.254/latest/meta-data' },
        { ...good, endpoint: 'https://localhost/push' },
        { ...good, endpoint: 'https://user:pw@127.0.0.1/push' },
        { ...good, keys: { ...good.keys, p256dh: 'short' } },
        { ...good, keys: { auth: good.keys.auth } },
        { ...good, extra: 1 },
        { endpoint: 'not a url', keys: good.keys },
      ];
      for (const body of bad) expect((await call(bob, 'POST', '/api/push/subscriptions', body)).status, JSON.stringify(body)).toBe(400);
      expect((await call(null, 'POST', '/api/push/subscriptions', good)).status).toBe(401);
      expect((await call(bob, 'POST', '/api/push/subscriptions', good)).status).toBe(204);
      // Eve cannot remove Bob's: it stays (Bob still gets his pushes).
      expect((await call(eve, 'DELETE', '/api/push/subscriptions', { endpoint: good.endpoint })).status).toBe(204);
      const ann = await guest(server);
      const room = await createRoom(server, ann, `Check ${engine} ${process.pid}`, 'private');
      await joinByCode(server, bob, room.code);
      const annSocket = await open(ann);
      await sent(annSocket, room.id, 'still subscribed');
      await waitFor(() => push.pushes.find((p) => p.payload.body === 'still subscribed'), 'Bob still gets it');
      expect((await call(bob, 'DELETE', '/api/push/subscriptions', { endpoint: good.endpoint })).status).toBe(204);
      await sent(annSocket, room.id, 'unsubscribed');
      await settle();
      expect(push.pushes.find((p) => p.payload.body === 'unsubscribed')).toBeUndefined();
    });

    it('messages stored but not yet handed out (the process died after the ack) are pushed by the next process', async () => {
      const { ann, room, browser } = await awayBob();
      // Written straight to storage, as a process that acknowledged and then died would have left it.
      const database = await openDatabase(server.config.databaseUrl, { schema: server.schema });
      await createStores(database).messages.appendMessage({
        id: `orphan-${process.pid}-${rooms}`,
        roomId: room.id,
        author: { id: ann.user.id, username: ann.user.username },
        text: 'left in the queue',
        clientId: `orphan-${rooms}`,
        createdAt: new Date().toISOString(),
      });
      await database.close();
      await settle();
      expect(pushesTo(browser).map((p) => p.payload.body)).toEqual(['left in the queue']);
    });

    it('a mention not read within the person’s interval is mailed once, with the room, the excerpt and a link', async () => {
      const ann = await guest(server);
      const bob = await registered(server);
      const bobGuest: Guest = { user: bob.user, token: bob.token };
      const room: Room = await createRoom(server, ann, `Mailroom ${engine} ${process.pid}`, 'private');
      await joinByCode(server, bobGuest, room.code);
      expect((await call<{ digestMinutes: number }>(bobGuest, 'GET', '/api/account/notifications')).body.digestMinutes).toBe(10);
      const annSocket = await open(ann);
      await sent(annSocket, room.id, `@${bob.user.username} can you water the plants?`);
      await settle();
      expect(mail.mails.filter((m) => m.to.includes(bob.email))).toEqual([]);
      offset += 11 * 60_000;
      await settle();
      const mailed = mail.mails.filter((m) => m.to.includes(bob.email));
      expect(mailed).toHaveLength(1);
      const text = mailed[0]!.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      expect(text).toContain(room.name);
      expect(text).toContain('can you water the plants?');
      expect(text).toContain(`https://chat.example.org/rooms/${room.id}?seq=1`);
      // Once: the next sweep sends nothing more; a new mention waits for the next interval.
      await settle();
      await sent(annSocket, room.id, `@${bob.user.username} and the cat`);
      offset += 11 * 60_000;
      await settle();
      expect(mail.mails.filter((m) => m.to.includes(bob.email))).toHaveLength(2);
      expect(mail.mails.filter((m) => m.to.includes(bob.email))[1]!.raw).not.toContain('water the plants');
      // Read in time, or mails turned off: nothing.
      const bobSocket = await open(bobGuest);
      await sent(annSocket, room.id, `@${bob.user.username} read this`);
      const seq = (await sent(annSocket, room.id, `@${bob.user.username} and this`)).seq;
      await bobSocket.socket.timeout(5000).emitWithAck('room:read', { roomId: room.id, seq });
      offset += 11 * 60_000;
      await settle();
      expect((await call(bobGuest, 'PATCH', '/api/account/notifications', { digestMinutes: 0 })).status).toBe(200);
      await sent(annSocket, room.id, `@${bob.user.username} off`);
      offset += 61 * 60_000;
      await settle();
      expect(mail.mails.filter((m) => m.to.includes(bob.email))).toHaveLength(2);
      for (const bad of [{ digestMinutes: 5 }, { digestMinutes: '10' }, {}, { digestMinutes: 10, x: 1 }]) {
        expect((await call(bobGuest, 'PATCH', '/api/account/notifications', bad)).status).toBe(400);
      }
    });
  });
}
