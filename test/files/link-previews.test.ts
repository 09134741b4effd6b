import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandAck } from '../../src/contract/commands.js';
import { embedOf, firstLink } from '../../src/contract/links.js';
import type { Message } from '../../src/contract/types.js';
import { isPublicAddress } from '../../src/server/previews/address-guard.js';
import { guardedFetcher } from '../../src/server/previews/guarded-fetch.js';
import { createRoom, joinByCode, send } from '../support/chat.js';
import { download, png } from '../support/files.js';
import { connect, guest, startHearth, waitFor, type Client, type TestServer } from '../support/hearth.js';

/** A "public" site on 127.0.0.2 (the tests count it as public) and an internal one on 127.0.0.1 that must never be reached. */
let site: Server;
let internal: Server;
let sitePort = 0;
let internalPort = 0;
const internalHits: string[] = [];
const picture = await png(900, 600);

const page = (title: string) => `<!doctype html><html><head>
<title>Fallback title</title>
<meta property="og:title" content="${title}">
<meta property="og:description" content="A page &amp; its description">
<meta property="og:site_name" content="Example Site">
<meta property="og:image" content="/picture.png">
</head><body><p>body text</p></body></html>`;

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve) => server.listen(0, host, () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  internal = createServer((req, res) => {
    internalHits.push(req.url ?? '');
    res.setHeader('content-type', 'text/html');
    res.end(page('Internal secrets'));
  });
  internalPort = await listen(internal, '127.0.0.1');
  site = createServer((req, res) => {
    const to = (location: string) => {
      res.statusCode = 302;
      res.setHeader('location', location);
      res.end();
    };
    const url = req.url ?? '/';
    if (url === '/article') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end(page('An article'));
    }
    if (url === '/other') {
      res.setHeader('content-type', 'text/html');
      return res.end(page('Another article'));
    }
    if (url === '/picture.png') {
      res.setHeader('content-type', 'image/png');
      return res.end(picture);
    }
    if (url === '/to-internal') return to(`http://127.0.0.1:${internalPort}/secret`);
    if (url === '/to-localhost') return to(`http://localhost:${internalPort}/secret`);
    if (url === '/to-mapped') return to(`http://[::ffff:127.0.0.1]:${internalPort}/secret`);
    if (url === '/to-file') return to('file:///etc/passwd');
    const hops = /^\/hops\/(\d)$/.exec(url);
    if (hops) return Number(hops[1]) === 0 ? to('/article') : to(`/hops/${Number(hops[1]) - 1}`);
    if (url === '/huge') {
      res.setHeader('content-type', 'text/html');
      res.write(page('Huge page'));
      const filler = Buffer.alloc(64 * 1024, 'x');
      let sent = 0;
      const more = () => {
        while (sent < 200 && res.write(filler)) sent++;
        if (sent < 200) res.once('drain', more);
        else res.end();
      };
      return more();
    }
    if (url === '/slow') return; // never answers
    res.statusCode = 404;
    res.end();
  });
  sitePort = await listen(site, '127.0.0.2');
});

afterAll(() => {
  site.closeAllConnections();
  site.close();
  internal.close();
});

const widened = { isPublic: (a: string) => a === '127.0.0.2' || isPublicAddress(a) };
const guardOptions = () => ({ allowPrivate: false, ...widened, ports: [80, 443, sitePort, internalPort], timeoutMs: 1500 });

describe('the address guard', () => {
  it('counts only public unicast addresses as public, in IPv4 and IPv6 and their mixed forms', () => {
    const refused = [
      '127.0.0.1',
      '127.9.9.9',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '192.0.2.1',
      '198.18.0.1',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '::ffff:169.254.169.254',
      '64:ff9b::a00:1',
      '2002:a00:1::',
      '2001::1',
      'not-an-address',
    ];
    for (const address of refused) expect([address, isPublicAddress(address)]).toEqual([address, false]);
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:93.184.216.34']) {
      expect([address, isPublicAddress(address)]).toEqual([address, true]);
    }
  });

  it('refuses internal addresses however the URL writes them, before connecting', async () => {
    const guard = guardedFetcher(guardOptions());
    const urls = [
      `http://127.0.0.1:${internalPort}/`,
      `http://localhost:${internalPort}/`,
      `http://[::1]:${internalPort}/`,
      `http://[::ffff:127.0.0.1]:${internalPort}/`,
      `http://2130706433:${internalPort}/`,
      `http://0x7f.1:${internalPort}/`,
      'http://169.254.169.254/latest/meta-data/',
      `http://user:pass@127.0.0.2:${sitePort}/article`,
      'ftp://127.0.0.2/file',
      'http://127.0.0.2:8080/',
    ];
    for (const url of urls) await expect(guard.fetch(url, 'text/html'), url).rejects.toThrow(/Not fetched/);
    expect(internalHits).toEqual([]);
    await guard.close();
  });

  it('checks every redirect, and follows at most three', async () => {
    const guard = guardedFetcher(guardOptions());
    const base = `http://127.0.0.2:${sitePort}`;
    for (const path of ['/to-internal', '/to-localhost', '/to-mapped', '/to-file', '/hops/3']) {
      await expect(guard.fetch(base + path, 'text/html'), path).rejects.toThrow(/Not fetched/);
    }
    expect(internalHits).toEqual([]);
    const followed = await guard.fetch(`${base}/hops/2`, 'text/html');
    expect(followed.url).toBe(`${base}/article`);
    await guard.close();
  });

  it('reads at most 1 MB and gives up after its time', async () => {
    const guard = guardedFetcher(guardOptions());
    const huge = await guard.fetch(`http://127.0.0.2:${sitePort}/huge`, 'text/html');
    expect(huge.bytes.length).toBe(1024 * 1024);
    const started = Date.now();
    await expect(guard.fetch(`http://127.0.0.2:${sitePort}/slow`, 'text/html')).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
    await guard.close();
  });

  it('with private addresses allowed (an intranet install), the internal page is read', async () => {
    const guard = guardedFetcher({ allowPrivate: true, timeoutMs: 1500 });
    const fetched = await guard.fetch(`http://127.0.0.1:${internalPort}/wiki`, 'text/html');
    expect(fetched.bytes.toString()).toContain('Internal secrets');
    expect(internalHits).toEqual(['/wiki']);
    internalHits.length = 0;
    await guard.close();
  });
});

describe('links in messages', () => {
  it('the first http(s) link outside code is the one previewed; YouTube and Vimeo are known by address', () => {
    expect(firstLink('see `https://code.example` and https://example.org/a?b=1 then https://two.example')).toBe(
      'https://example.org/a?b=1',
    );
    expect(firstLink('```\nhttps://in.code\n```\nwww.example.com/x')).toBe('http://www.example.com/x');
    expect(firstLink('mailto:someone@example.org no link')).toBeUndefined();
    expect(embedOf('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1')).toEqual({ provider: 'youtube', videoId: 'dQw4w9WgXcQ' });
    expect(embedOf('https://youtu.be/dQw4w9WgXcQ')).toEqual({ provider: 'youtube', videoId: 'dQw4w9WgXcQ' });
    expect(embedOf('https://vimeo.com/76979871')).toEqual({ provider: 'vimeo', videoId: '76979871' });
    expect(embedOf('https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ')).toBeNull();
  });
});

describe('link previews in a room', () => {
  let server: TestServer;
  let ann: Awaited<ReturnType<typeof guest>>;
  let bob: Awaited<ReturnType<typeof guest>>;
  let annSocket: Client;
  let bobSocket: Client;
  let roomId: string;
  beforeAll(async () => {
    server = await startHearth({}, { previewGuard: { ...widened, ports: [80, 443, sitePort, internalPort], timeoutMs: 1500 } });
    [ann, bob] = [await guest(server), await guest(server)];
    const room = await createRoom(server, ann, `Links ${process.pid}`, 'private');
    await joinByCode(server, bob, room.code);
    roomId = room.id;
    [annSocket, bobSocket] = [await connect(server, ann.token), await connect(server, bob.token)];
  });
  afterAll(async () => {
    annSocket?.close();
    bobSocket?.close();
    await server?.stop();
  });

  const updated = (client: Client, id: string, test: (m: Message) => boolean) =>
    waitFor(
      () => client.events.map((e) => e.data as { message?: Message }).find((d) => d.message?.id === id && test(d.message))?.message,
      'the card arrives',
      5000,
    );
  const sent = async (client: Client, text: string) => {
    const ack = await send(client, roomId, text);
    if (!ack.ok) throw new Error(ack.error.message);
    return ack.message;
  };
  const removePreview = (client: Client, messageId: string) =>
    client.socket.timeout(3000).emitWithAck('message:remove_preview', { roomId, messageId }) as Promise<
      CommandAck<'message:remove_preview'>
    >;

  it('the first link gets a card with title, description, site and a re-encoded picture, told to everyone', async () => {
    const message = await sent(annSocket, `read this http://127.0.0.2:${sitePort}/article please`);
    expect(message.preview).toBeNull();
    const withCard = await updated(bobSocket, message.id, (m) => m.preview !== null);
    expect(withCard.preview).toMatchObject({
      url: `http://127.0.0.2:${sitePort}/article`,
      title: 'An article',
      description: 'A page & its description',
      siteName: 'Example Site',
      embed: null,
    });
    expect(withCard.preview?.image).toMatchObject({ width: 600, height: 400 });
    const image = await download(server, bob, `/api/previews/${withCard.preview!.image!.id}`);
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/webp']);
    expect((await download(server, null, `/api/previews/${withCard.preview!.image!.id}`)).status).toBe(401);
    // The history has it too, and a client catching up by change gets it.
    const page = await fetch(`${server.url}/api/rooms/${roomId}/messages`, { headers: { authorization: `Bearer ${bob.token}` } });
    const { messages } = (await page.json()) as { messages: Message[] };
    expect(messages.find((m) => m.id === message.id)?.preview?.title).toBe('An article');
  });

  it('a link to an internal address gets no card, and the internal server is never asked', async () => {
    const message = await sent(annSocket, `http://127.0.0.1:${internalPort}/admin and http://localhost:${internalPort}/x`);
    const redirected = await sent(annSocket, `http://127.0.0.2:${sitePort}/to-internal`);
    await server.previews.idle();
    const page = await fetch(`${server.url}/api/rooms/${roomId}/messages`, { headers: { authorization: `Bearer ${ann.token}` } });
    const { messages } = (await page.json()) as { messages: Message[] };
    expect(messages.find((m) => m.id === message.id)?.preview).toBeNull();
    expect(messages.find((m) => m.id === redirected.id)?.preview).toBeNull();
    expect(internalHits).toEqual([]);
  });

  it("the author can take the card off (others cannot); an edit to another link brings that link's card", async () => {
    const message = await sent(annSocket, `http://127.0.0.2:${sitePort}/article`);
    await updated(annSocket, message.id, (m) => m.preview !== null);
    const notHers = await removePreview(bobSocket, message.id);
    expect(notHers.ok ? 'removed' : notHers.error.code).toBe('FORBIDDEN');
    const removed = await removePreview(annSocket, message.id);
    expect(removed.ok && removed.message.preview).toBeNull();
    await updated(bobSocket, message.id, (m) => m.preview === null && m.change === (removed.ok ? removed.message.change : -1));

    const edited = (await annSocket.socket.timeout(3000).emitWithAck('message:edit', {
      roomId,
      messageId: message.id,
      text: `now http://127.0.0.2:${sitePort}/other`,
    })) as CommandAck<'message:edit'>;
    expect(edited.ok).toBe(true);
    const recarded = await updated(bobSocket, message.id, (m) => m.preview?.title === 'Another article');
    expect(recarded.text).toContain('/other');
    const malformed = (await annSocket.socket
      .timeout(3000)
      .emitWithAck('message:remove_preview', { roomId } as never)) as CommandAck<'message:remove_preview'>;
    expect(malformed.ok ? 'ok' : malformed.error.code).toBe('BAD_REQUEST');
  });

  it('a YouTube link is a video card even when its page cannot be read', async () => {
    const message = await sent(annSocket, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    const card = await updated(bobSocket, message.id, (m) => m.preview !== null);
    expect(card.preview).toMatchObject({ embed: { provider: 'youtube', videoId: 'dQw4w9WgXcQ' }, siteName: 'YouTube' });
  });
});

describe('link previews with the default guard', () => {
  it('a link to this machine gets no card and nothing is fetched; HEARTH_PREVIEW_PRIVATE=on allows it', async () => {
    const strict = await startHearth();
    const open = await startHearth({ previews: { enabled: true, allowPrivate: true } });
    try {
      for (const [server, expected] of [
        [strict, null],
        [open, 'Internal secrets'],
      ] as const) {
        const ann = await guest(server);
        const room = await createRoom(server, ann, `Guard ${process.pid}`);
        const socket = await connect(server, ann.token);
        const ack = await send(socket, room.id, `http://127.0.0.1:${internalPort}/page`);
        if (!ack.ok) throw new Error(ack.error.message);
        if (expected) await waitFor(() => socket.events.some((e) => e.event === 'message:updated'), 'the card', 5000);
        await server.previews.idle();
        const page = await fetch(`${server.url}/api/rooms/${room.id}/messages`, { headers: { authorization: `Bearer ${ann.token}` } });
        const { messages } = (await page.json()) as { messages: Message[] };
        expect(messages[0]?.preview?.title ?? null).toBe(expected);
        socket.close();
      }
      expect(internalHits).toEqual(['/page', '/picture.png']);
    } finally {
      await strict.stop();
      await open.stop();
      internalHits.length = 0;
    }
  });
});
